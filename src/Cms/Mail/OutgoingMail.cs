namespace PoleKnowledge.Cms.Mail;

/// <summary>
/// One e-mail to send. <see cref="TextBody"/> is required (every mail reads in a plain-text client);
/// <see cref="HtmlBody"/> is optional and must already be escaped by the caller. <see cref="Attachments"/>
/// carry e.g. an <c>.ics</c> calendar file.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody)
{
    public string? ToName { get; init; }
    public string? HtmlBody { get; init; }
    public string? ReplyTo { get; init; }
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>A file attached to an <see cref="OutgoingMail"/>.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
