using Microsoft.AspNetCore.Identity;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Store;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>
/// A writer's "submit for review": an audit entry (which is also the editors' review queue) and an
/// e-mail to every editor and administrator with a link to the item.
/// </summary>
public sealed class ReviewNotifier(UserManager<BackOfficeUser> users, IMailSender mail, ContentStore store, ILogger<ReviewNotifier> logger)
{
    public const string RequestAction = "review-requested";

    public async Task RequestAsync(Guid key, string itemName, string culture, string writer, string? message, string itemUrl, CancellationToken cancellationToken)
    {
        await store.AddAuditAsync(writer, RequestAction, key, culture, message, cancellationToken);
        var editors = (await users.GetUsersInRoleAsync(BackOfficeRoles.Editor)).Concat(await users.GetUsersInRoleAsync(BackOfficeRoles.Administrator))
            .Where(u => u.Email is not null && !string.Equals(u.Email, writer, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(u => u.Id)
            .ToList();
        var text = $"""
            Bonjour,

            {writer} demande une relecture de « {itemName} » ({culture}) avant publication.
            {(string.IsNullOrWhiteSpace(message) ? "" : $"\nMessage : {message}\n")}
            Relire et publier : {itemUrl}

            — Le back office du pôle ESS du Pays de Rennes
            """;
        foreach (var editor in editors)
        {
            try
            {
                await mail.SendAsync(new OutgoingMail(editor.Email!, $"Relecture demandée : {itemName}", text) { ToName = editor.DisplayName }, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException)
            {
                // The request is recorded and visible on the editors' dashboard even when mail is down.
                logger.LogWarning(exception, "Review request mail to {Email} failed.", editor.Email);
            }
        }
    }

}
