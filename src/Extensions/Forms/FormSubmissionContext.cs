namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Who posts: a trusted server (valid <c>Api-Key</c>: no fill-time check) or a browser with its fill-time token.
/// <see cref="VerifiedEmail"/> is the confirmed address of a signed-in member (never taken from the request body).
/// </summary>
public sealed record FormSubmissionContext(bool IsTrusted, string? FillToken, string BaseUrl)
{
    public string? VerifiedEmail { get; init; }
}
