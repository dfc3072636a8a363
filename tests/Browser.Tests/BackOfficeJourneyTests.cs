using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Publishing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace PoleKnowledge.Browser.Tests;

/// <summary>
/// The editors' week in a real browser: a writer signs in, uploads a PDF and an image, writes a resource in
/// Markdown and submits it; an editor reviews and schedules it; time passes; the public page shows it; the
/// editor rolls back to an earlier version. Every screen is checked with axe-core and photographed.
/// </summary>
public sealed class BackOfficeJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Title = "Guide : accueillir de nouveaux bénévoles";

    [SkippableFact]
    public async Task Journey_WriterSubmits_EditorSchedules_PublicShows_EditorRollsBack()
    {
        BrowserFixture.SkipWithoutChromium();
        var writer = await browser.NewPageAsync();
        writer.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BackOfficeSignIn.SignInAsync(writer, BrowserFixture.Writer);
        await CheckAsync(writer, "01-tableau-de-bord");

        // Media: a PDF and an image in one upload, the image with its alternative text.
        await writer.GotoAsync("/backoffice/medias");
        await writer.SetInputFilesAsync("#files", new[]
        {
            new FilePayload { Name = "guide-benevoles.pdf", MimeType = "application/pdf", Buffer = Pdf("Accueillir les bénévoles : le livret d'accueil pas à pas.") },
            new FilePayload { Name = "reunion.png", MimeType = "image/png", Buffer = Png() },
        });
        await writer.FillAsync("#altText", "Des bénévoles réunis autour d'une table");
        await writer.ClickAsync("form[data-dropzone] button[type=submit]");
        await writer.WaitForSelectorAsync("text=2 fichiers ajoutés");
        await CheckAsync(writer, "02-mediatheque");
        await writer.ClickAsync("a.bo-strong:has-text('guide-benevoles')");
        await writer.WaitForSelectorAsync("text=Texte extrait");
        Assert.Contains("livret d'accueil", await writer.InnerTextAsync(".bo-extract"), StringComparison.Ordinal);
        await CheckAsync(writer, "03-media-pdf");

        // Content: create a resource under "Ressources" from the list view.
        var store = browser.Hub.Services.GetRequiredService<ContentStore>();
        var ressources = (await store.FindForPickerAsync(["section"], "Ressources", 5))[0].Key;
        await writer.GotoAsync($"/backoffice/contenu?parent={ressources}");
        await CheckAsync(writer, "04-liste-ressources");
        await writer.ClickAsync("a.bo-btn-primary:has-text('Créer')");
        await writer.ClickAsync("a.bo-typecard:has-text('Ressource')");
        await writer.FillAsync("#name", Title);
        await writer.FillAsync("#f-summary", "Comment préparer l'arrivée de nouveaux bénévoles : livret, parrainage, premier entretien.");
        await writer.SelectOptionAsync("#f-resourceType", "guide");
        await writer.FillAsync("#f-body", "## Avant l'arrivée\n\n- Préparer le **livret d'accueil**\n- Désigner un parrain\n\n<script>alert('x')</script>");
        await writer.SelectOptionAsync("#f-files", new SelectOptionValue { Label = "guide-benevoles (pdf)" });
        await writer.SelectOptionAsync("#f-cover", new SelectOptionValue { Label = "reunion (png)" });
        await CheckAsync(writer, "05-creation");
        await writer.ClickAsync("button:has-text('Créer le brouillon')");
        await writer.WaitForSelectorAsync("text=Brouillon créé.");
        var key = Guid.Parse(writer.Url.Split('/')[^2]);
        await writer.WaitForSelectorAsync(".bo-preview strong");
        Assert.Equal("livret d'accueil", await writer.InnerTextAsync(".bo-preview strong"));
        await CheckAsync(writer, "06-edition-redactrice");
        await writer.FillAsync("#review-message", "Première version, merci de relire.");
        await writer.ClickAsync("button:has-text('Soumettre pour relecture')");
        await writer.WaitForSelectorAsync("text=Envoyé en relecture");
        Assert.Equal(0, await writer.Locator("button:has-text('Enregistrer et publier')").CountAsync());

        // The editor finds the request on the dashboard and schedules the publication in local time.
        var editor = await browser.NewPageAsync();
        editor.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BackOfficeSignIn.SignInAsync(editor, BrowserFixture.Editor);
        await editor.ClickAsync($"a:has-text('{Title}')");
        await CheckAsync(editor, "07-edition-editeur");
        await editor.FillAsync("#publishAt", "2027-01-12T08:30");
        await editor.ClickAsync("button:has-text('Programmer')");
        await editor.WaitForSelectorAsync("text=12 janvier 2027 à 08:30");
        Assert.Equal(new DateTime(2027, 1, 12, 7, 30, 0, DateTimeKind.Utc), (await store.GetAsync(key))!.Schedule.Single().DueUtc);

        // Time passes; the scheduler publishes; the public page shows the resource, script inert.
        browser.Hub.Clock.Advance(TimeSpan.FromDays(3));
        await store.RunDueSchedulesAsync();
        await CatchUpAsync();
        var route = browser.Hub.Services.GetRequiredService<PublishedContentCache>().GetRoute(key, "fr-FR");
        Assert.NotNull(route);
        var reader = await browser.NewPageAsync();
        await reader.GotoAsync(route!.TrimEnd('/') + "/");
        Assert.Equal(Title, await reader.InnerTextAsync("h1"));
        Assert.Equal(0, await reader.Locator("script:has-text('alert')").CountAsync());
        await ScreenshotAsync(reader, "08-page-publique");

        // The editor changes the title, publishes, then rolls back to version 1 and publishes again.
        // Three days passed: the 8-hour session has expired, as it would for a real editor.
        await BackOfficeSignIn.SignInAsync(editor, BrowserFixture.Editor);
        await editor.GotoAsync($"/backoffice/contenu/{key}/modifier");
        await editor.FillAsync("#name", "Titre modifié par erreur");
        await editor.ClickAsync("button:has-text('Enregistrer et publier')");
        await editor.WaitForSelectorAsync("text=Publié.");
        await editor.GotoAsync($"/backoffice/contenu/{key}/versions");
        await CheckAsync(editor, "09-versions");
        await editor.ClickAsync("tr:has(td:text-is('1 ')) button:has-text('Revenir à cette version'), tr:has(td:text-is('1')) button:has-text('Revenir à cette version')");
        await editor.WaitForSelectorAsync("text=Le brouillon reprend la version 1");
        Assert.Equal(Title, await editor.InputValueAsync("#name"));
        await editor.ClickAsync("button:has-text('Enregistrer et publier')");
        await editor.WaitForSelectorAsync("text=Publié.");
        await CatchUpAsync();
        await reader.GotoAsync(browser.Hub.Services.GetRequiredService<PublishedContentCache>().GetRoute(key, "fr-FR")!);
        Assert.Equal(Title, await reader.InnerTextAsync("h1"));
    }

    [SkippableFact]
    public async Task AdminScreens_AccessibleAndPhotographed()
    {
        BrowserFixture.SkipWithoutChromium();
        var admin = await browser.NewPageAsync();
        await admin.GotoAsync("/backoffice/connexion");
        await CheckAsync(admin, "10-connexion");
        await BackOfficeSignIn.SignInAsync(admin, BrowserFixture.Admin);
        foreach (var (path, name) in new[]
        {
            ("/backoffice/contenu", "11-contenu"),
            ("/backoffice/corbeille", "12-corbeille"),
            ("/backoffice/compte", "13-compte"),
            ("/backoffice/admin/utilisateurs", "14-utilisateurs"),
            ("/backoffice/admin/jetons", "15-jetons"),
            ("/backoffice/admin/journal", "16-journal"),
            ("/backoffice/admin/sante", "17-sante"),
            ("/backoffice/mot-de-passe-oublie", "18-mot-de-passe-oublie"),
        })
        {
            await admin.GotoAsync(path);
            await CheckAsync(admin, name);
        }
        var phone = await browser.NewPageAsync(360, 740);
        await BackOfficeSignIn.SignInAsync(phone, BrowserFixture.Admin);
        var item = (await browser.Hub.Services.GetRequiredService<ContentStore>().FindForPickerAsync(["resource"], null, 1))[0].Key;
        await phone.GotoAsync($"/backoffice/contenu/{item}/modifier");
        await CheckAsync(phone, "19-edition-360px");
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The edit screen scrolls sideways at 360 px.");
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

    private async Task CatchUpAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await browser.Hub.Services.GetRequiredService<ChangeFeedConsumer>().WaitUntilCaughtUpAsync(timeout.Token);
    }

    private static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        var page = builder.AddPage(PageSize.A4);
        page.AddText(text, 12, new PdfPoint(25, 700), font);
        return builder.Build();
    }

    private static byte[] Png()
    {
        using var image = new Image<Rgba32>(320, 200, new Rgba32(31, 111, 92));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
