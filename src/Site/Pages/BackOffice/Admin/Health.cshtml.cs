using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Admin;

/// <summary>Health for administrators: database, change feed head and index lag, disk space, mail mode.</summary>
public sealed class HealthModel(ContentStore store, ChangeFeedReader feed, ContentIndexFeedSubscriber index, HubPaths paths, HubOptions hub, IOptions<MailOptions> mail) : BackOfficePageModel
{
    public List<(string Name, bool Ok, string Detail)> Checks { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        var french = CultureInfo.GetCultureInfo("fr-FR");
        long head = -1;
        try
        {
            await store.HasContentAsync(HttpContext.RequestAborted);
            head = await feed.GetHeadAsync(HttpContext.RequestAborted);
            Checks.Add(("Base de données", true, $"{hub.DatabaseProvider} joignable"));
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            Checks.Add(("Base de données", false, "Injoignable : " + exception.Message));
        }
        var lag = head < 0 ? -1 : head - index.Position;
        var rebuilding = !index.StartupRebuild.IsCompleted;
        Checks.Add(("Index de recherche", !rebuilding && lag is >= 0 and < 100,
            rebuilding ? "Construction initiale en cours" : string.Create(french, $"Position {index.Position:N0} / {head:N0} du journal des changements (retard : {Math.Max(0, lag):N0})")));
        try
        {
            var drive = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(paths.DataPath))!);
            var freeGb = drive.AvailableFreeSpace / 1024.0 / 1024 / 1024;
            Checks.Add(("Disque", freeGb > 1, string.Create(french, $"{freeGb:0.0} Go libres sur {drive.TotalSize / 1024.0 / 1024 / 1024:0} Go ({paths.DataPath})")));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Checks.Add(("Disque", false, exception.Message));
        }
        Checks.Add(("E-mail", true, string.IsNullOrWhiteSpace(mail.Value.SmtpHost)
            ? $"Pas de serveur SMTP : les messages sont déposés dans {paths.MailPath}"
            : $"SMTP {mail.Value.SmtpHost}:{mail.Value.SmtpPort}"));
        return Page();
    }
}
