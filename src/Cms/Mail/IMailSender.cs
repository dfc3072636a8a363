namespace PoleKnowledge.Cms.Mail;

/// <summary>Sends e-mail: SMTP through MailKit when <c>Mail:SmtpHost</c> is set, otherwise <c>.eml</c> files in the pickup folder.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
