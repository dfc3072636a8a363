namespace PoleKnowledge.Extensions.Forms;

/// <summary>Who posts: a trusted server (valid <c>Api-Key</c>: no fill-time check) or a browser with its fill-time token.</summary>
public sealed record FormSubmissionContext(bool IsTrusted, string? FillToken, string BaseUrl);
