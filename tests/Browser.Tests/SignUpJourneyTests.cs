using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Extensions.WorkingGroups;

namespace PoleKnowledge.Browser.Tests;

/// <summary>
/// The sign-up journey of issue 6 in a real browser: a visitor signs up on the group's page, confirms by the link
/// of the e-mail read from the pickup folder, and is on the editors' list; a second visitor lands on the waiting
/// list; the first cancels by the link of her confirmation e-mail; the second is promoted and e-mailed. Each
/// public screen is checked with axe-core and photographed.
/// </summary>
public sealed class SignUpJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string GroupName = "Mutualiser un local associatif";

    [SkippableFact]
    public async Task Journey_VisitorConfirms_AnotherWaits_FirstCancels_WaitingOnePromotedAndEmailed()
    {
        BrowserFixture.SkipWithoutChromium();
        var group = await CreateGroupAsync();

        // Camille signs up on the group's page and confirms by the e-mail link.
        var camille = await browser.NewPageAsync();
        await SignUpAsync(camille, group, "Camille Martin", "camille@exemple.fr", "signup-01");
        var confirmLink = LinkIn(await MailAsync("camille@exemple.fr", "Confirmez"), SignUpRoutes.Confirm);
        await camille.GotoAsync(confirmLink);
        await CheckAsync(camille, "signup-04-lien-confirmation");
        await camille.ClickAsync("button:has-text('Confirmer mon inscription')");
        await camille.WaitForSelectorAsync("text=est confirmée");
        await CheckAsync(camille, "signup-05-confirmee");

        // She is on the list the editor reviews.
        var editor = await browser.NewPageAsync();
        await BackOfficeSignIn.SignInAsync(editor, BrowserFixture.Editor);
        await editor.GotoAsync($"/backoffice/groupes/{group.Key}");
        Assert.Contains("Confirmé", await editor.InnerTextAsync("tr:has-text('camille@exemple.fr')"), StringComparison.Ordinal);

        // Dominique comes second: the only seat is taken, so the waiting list.
        var dominique = await browser.NewPageAsync();
        await SignUpAsync(dominique, group, "Dominique Le Goff", "dominique@exemple.fr", "signup-06");
        await dominique.GotoAsync(LinkIn(await MailAsync("dominique@exemple.fr", "Confirmez"), SignUpRoutes.Confirm));
        await dominique.ClickAsync("button:has-text('Confirmer mon inscription')");
        await dominique.WaitForSelectorAsync("text=liste d'attente, en position 1");
        await CheckAsync(dominique, "signup-07-liste-attente");

        // Camille cancels by the link of her confirmation e-mail; Dominique takes the seat and is told.
        var cancelLink = LinkIn(await MailAsync("camille@exemple.fr", "Inscription confirmée"), SignUpRoutes.Cancel);
        await camille.GotoAsync(cancelLink);
        await CheckAsync(camille, "signup-08-lien-annulation");
        await camille.ClickAsync("button:has-text('Annuler mon inscription')");
        await camille.WaitForSelectorAsync("text=est annulée");
        await CheckAsync(camille, "signup-09-annulee");

        var promoted = await MailAsync("dominique@exemple.fr", "Une place s'est libérée");
        Assert.Contains("vous quittez la liste d'attente", promoted.TextBody, StringComparison.Ordinal);
        await editor.GotoAsync($"/backoffice/groupes/{group.Key}");
        await ScreenshotAsync(editor, "signup-10-back-office");
        Assert.Contains("Confirmé", await editor.InnerTextAsync("tr:has-text('dominique@exemple.fr')"), StringComparison.Ordinal);
        Assert.Contains("Annulé", await editor.InnerTextAsync("tr:has-text('camille@exemple.fr')"), StringComparison.Ordinal);
    }

    /// <summary>From the group's public page through the two steps of the sign-up form.</summary>
    private async Task SignUpAsync(IPage page, WorkingGroup group, string name, string email, string shots)
    {
        await page.GotoAsync(group.Route);
        await CheckAsync(page, shots + "-groupe");
        await page.ClickAsync("a:has-text('S\\'inscrire à ce groupe')");
        await page.WaitForSelectorAsync("text=Étape 1 sur 2");
        await CheckAsync(page, shots + "-etape-1");
        await page.FillAsync("#f-name", name);
        await page.FillAsync("#f-email", email);
        await page.FillAsync("#f-structureName", "Association Les Jardins partagés");
        await page.FillAsync("#f-role", "Coordination");
        await page.SelectOptionAsync("#f-category", "structure-de-base");
        browser.Hub.Clock.Advance(TimeSpan.FromSeconds(10)); // the form's minimum fill time runs on the hub's clock
        await page.ClickAsync("button[value=next]");
        await page.WaitForSelectorAsync("text=Étape 2 sur 2");
        await page.FillAsync("#f-brings", "Un local de 80 m² disponible deux soirs par semaine.");
        await page.CheckAsync("input[name=expects][value=contacts]");
        await page.CheckAsync("#f-consent");
        await CheckAsync(page, shots + "-etape-2");
        browser.Hub.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.ClickAsync("button[value=next]");
        await page.WaitForSelectorAsync("text=e-mail");
        await CheckAsync(page, shots + "-envoyee");
    }

    private async Task<WorkingGroup> CreateGroupAsync()
    {
        var store = browser.Hub.Services.GetRequiredService<ContentStore>();
        var outcome = await store.SaveAsync(new ContentWrite
        {
            ContentType = WorkingGroupCatalog.ContentType,
            ParentRoute = "/groupes-de-travail",
            Name = GroupName,
            Publish = true,
            Values = new Dictionary<string, JsonNode?>
            {
                ["summary"] = "Partager un local entre associations du quartier.",
                ["objective"] = "Trouver ensemble les règles d'un local partagé.",
                ["modality"] = "ep",
                ["status"] = WorkingGroupStatus.Open,
                ["periodStart"] = "2027-02-01",
                ["periodEnd"] = "2027-06-30",
                ["capacity"] = 1,
            },
        }, "tests");
        Assert.True(outcome.Succeeded, outcome.Message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await browser.Hub.Services.GetRequiredService<ChangeFeedConsumer>().WaitUntilCaughtUpAsync(timeout.Token);
        return browser.Hub.Services.GetRequiredService<WorkingGroupCatalog>().Find(outcome.Item!.Key)!;
    }

    /// <summary>The last e-mail to an address whose subject starts with <paramref name="subject"/>, from the pickup folder (waits a little: the mail is written as the request ends).</summary>
    private async Task<MimeMessage> MailAsync(string address, string subject)
    {
        var folder = browser.Hub.Services.GetRequiredService<HubPaths>().MailPath;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var found = new List<(DateTime Time, MimeMessage Message)>();
            foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)) && (message.Subject ?? "").StartsWith(subject, StringComparison.Ordinal))
                {
                    found.Add((File.GetLastWriteTimeUtc(file), message));
                }
            }
            if (found.Count > 0)
            {
                return found.OrderBy(f => f.Time).Last().Message;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No e-mail « {subject}… » to {address} in {folder}.");
    }

    /// <summary>The link of a mail to a path, made relative so the browser context's base address applies.</summary>
    private static string LinkIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"https?://\S+?({Regex.Escape(path)}\?jeton=[A-Za-z0-9_%-]+)");
        Assert.True(match.Success, $"No {path} link in: {message.TextBody}");
        return match.Groups[1].Value;
    }

    /// <summary>No serious or critical axe-core violation (WCAG 2.1 AA rules), and a full-page screenshot.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in blocking)
        {
            output.WriteLine($"{name}: {violation.Impact} {violation.Id}: {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
        }
        Assert.True(blocking.Count == 0, $"{name}: {string.Join(", ", blocking.Select(v => v.Id))} (see test output)");
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, name + ".png"), FullPage = true });
}
