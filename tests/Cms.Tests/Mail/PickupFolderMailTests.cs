using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Mail;

namespace PoleKnowledge.Cms.Tests.Mail;

public sealed class PickupFolderMailTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pk-mail-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SendAsync_WithoutSmtpHost_WritesOneReadableEmlFile()
    {
        var paths = new HubPaths(_root, _root);
        paths.EnsureCreated();
        var sender = new MailKitMailSender(new MailOptions(), paths, TimeProvider.System, NullLogger<MailKitMailSender>.Instance);

        await sender.SendAsync(new OutgoingMail("camille@example.org", "Inscription confirmée", "Bonjour Camille,\nà bientôt.")
        {
            ToName = "Camille Durand",
            Attachments = [new MailAttachment("seances.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray())],
        });

        var file = Assert.Single(Directory.GetFiles(paths.MailPath));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Inscription confirmée", message.Subject);
        Assert.Equal("camille@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("à bientôt", message.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal("seances.ics", Assert.Single(message.Attachments).ContentDisposition?.FileName);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
