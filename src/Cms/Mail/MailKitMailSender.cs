using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using PoleKnowledge.Cms.Hosting;

namespace PoleKnowledge.Cms.Mail;

/// <summary>Builds a MIME message with MimeKit and either writes it to the pickup folder or sends it over SMTP.</summary>
internal sealed class MailKitMailSender(MailOptions options, HubPaths paths, TimeProvider clock, ILogger<MailKitMailSender> logger) : IMailSender
{
    public string PickupPath => string.IsNullOrWhiteSpace(options.PickupPath) ? paths.MailPath : Path.GetFullPath(options.PickupPath);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = Build(mail);
        if (options.UsesPickupFolder)
        {
            Directory.CreateDirectory(PickupPath);
            // Time first so a folder listing reads in sending order; a GUID keeps names unique.
            var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
            var temporary = Path.Combine(PickupPath, name + ".tmp");
            await message.WriteToAsync(temporary, cancellationToken).ConfigureAwait(false);
            // Renamed when complete: a reader polling the folder never sees half a message.
            File.Move(temporary, Path.Combine(PickupPath, name));
            logger.LogInformation("Mail \"{Subject}\" to {To} written to the pickup folder as {File}.", mail.Subject, mail.To, name);
            return;
        }
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(options.SmtpSecurity, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(options.SmtpUser))
        {
            await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", cancellationToken).ConfigureAwait(false);
        }
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Mail \"{Subject}\" sent to {To} through {Host}.", mail.Subject, mail.To, options.SmtpHost);
    }

    private MimeMessage Build(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        if (!string.IsNullOrEmpty(mail.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(mail.ReplyTo));
        }
        message.Subject = mail.Subject;
        message.Date = clock.GetUtcNow();
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
