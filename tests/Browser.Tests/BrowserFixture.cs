using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Persistence;

namespace PoleKnowledge.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (DESIGN.md §10) against a <see cref="KestrelHub"/>. Without
/// Chromium the tests are skipped with the reason, unless <c>REQUIRE_BROWSER=1</c>, where it is a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "Correct-Horse-42-battery";
    public const string Writer = "redactrice@test.example";
    public const string Editor = "editeur@test.example";
    public const string Admin = "admin@test.example";

    private IPlaywright? _playwright;

    public KestrelHub Hub { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Screenshots are kept as test artefacts beside the test assembly.</summary>
    public static string ArtifactsPath { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public static void SkipWithoutChromium()
    {
        if (Environment.GetEnvironmentVariable("REQUIRE_BROWSER") == "1")
        {
            Assert.True(ChromiumAvailable, $"REQUIRE_BROWSER=1 but {ChromiumPath} is missing: install it with apt-get install -y chromium.");
        }
        Skip.IfNot(ChromiumAvailable, $"{ChromiumPath} is not installed (apt-get install -y chromium); set REQUIRE_BROWSER=1 to make this a failure.");
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactsPath);
        BaseAddress = Hub.BaseAddress;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Hub.Services.GetRequiredService<ChangeFeedConsumer>().WaitUntilCaughtUpAsync(timeout.Token);
        await Hub.Services.GetRequiredService<ContentIndexFeedSubscriber>().StartupRebuild.WaitAsync(timeout.Token);
        using (var scope = Hub.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
            foreach (var (email, role, name) in new[] { (Writer, "Rédacteur", "Camille Rédaction"), (Editor, "Éditeur", "Dominique Édition"), (Admin, "Administrateur", "Alex Admin") })
            {
                var user = new BackOfficeUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
                await users.CreateAsync(user, Password);
                await users.AddToRoleAsync(user, role);
            }
        }
        if (!ChromiumAvailable)
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies: a fresh profile) for one user.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "fr-FR", TimezoneId = "Europe/Paris" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Hub.Dispose();
    }
}
