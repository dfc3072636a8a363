using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Webhooks;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PoleKnowledge.Browser.Tests;

/// <summary>
/// The screens added after the journey — webhooks and their log, the Delivery API key, a media folder's rename
/// form, an image's crops — checked with axe-core and photographed (kept apart so the journey stays one story).
/// </summary>
public sealed class BackOfficeAdminExtrasTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task NewScreens_AccessibleAndPhotographed()
    {
        BrowserFixture.SkipWithoutChromium();
        var services = browser.Hub.Services;
        var (hook, _) = await services.GetRequiredService<WebhookStore>().CreateAsync(
            new WebhookInput("Site des partenaires", "https://hooks.exemple.org/pole", [WebhookEvents.ContentPublish, WebhookEvents.MediaSave], ["resource"], true), "tests");
        var media = services.GetRequiredService<MediaStore>();
        var folder = (await media.CreateFolderAsync(new MediaWrite { Name = "Affiches" }, "tests")).Item!;
        using var picture = new Image<Rgba32>(320, 200, new Rgba32(30, 110, 90));
        using var png = new MemoryStream();
        await picture.SaveAsPngAsync(png);
        var image = (await media.CreateAsync(new MediaWrite
        {
            Content = png.ToArray(), FileName = "affiche.png", ParentKey = folder.Key,
            Properties = new Dictionary<string, JsonNode?> { ["altText"] = JsonValue.Create("Affiche verte") },
        }, "tests")).Item!;

        var admin = await browser.NewPageAsync();
        await admin.GotoAsync("/backoffice/connexion");
        await admin.FillAsync("#email", BrowserFixture.Admin);
        await admin.FillAsync("#password", BrowserFixture.Password);
        await admin.ClickAsync("button[type=submit]");
        await admin.WaitForURLAsync("**/backoffice");
        foreach (var (path, name) in new[]
        {
            ("/backoffice/admin/webhooks", "20-webhooks"),
            ("/backoffice/admin/webhooks/modifier", "21-webhook-nouveau"),
            ($"/backoffice/admin/webhooks/modifier/{hook.Key}", "22-webhook-edition"),
            ($"/backoffice/admin/webhooks/journal/{hook.Key}", "23-webhook-journal"),
            ("/backoffice/admin/diffusion", "24-api-diffusion"),
            ($"/backoffice/medias?folder={folder.Key}", "25-dossier-media"),
            ($"/backoffice/medias/{image.Key}", "26-recadrages"),
        })
        {
            await admin.GotoAsync(path);
            await CheckAsync(admin, name);
        }
    }

    /// <summary>No serious or critical axe-core violation (WCAG 2.1 AA rules), and a full-page screenshot.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, name + ".png"), FullPage = true });
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in blocking)
        {
            output.WriteLine($"{name}: {violation.Impact} {violation.Id}: {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
        }
        Assert.True(blocking.Count == 0, $"{name}: {string.Join(", ", blocking.Select(v => v.Id))} (see test output)");
    }
}
