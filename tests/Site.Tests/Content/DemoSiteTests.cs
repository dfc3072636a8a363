using System.Net;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Content;

/// <summary>A fresh hub: demo content imported, public pages served from the published cache.</summary>
public sealed class DemoSiteTests : IClassFixture<DemoSiteTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public HubFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            Factory.CreateClient();
            await Factory.CatchUpAsync();
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly HttpClient _client;

    public DemoSiteTests(Fixture fixture)
    {
        _client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
    }

    [Fact]
    public async Task Healthz_Always_AnswersOkAsPlainText()
    {
        var response = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_FreshHub_ShowsThePoleAndItsSections()
    {
        var html = await _client.GetStringAsync("/");
        Assert.Contains("Pôle ESS", html, StringComparison.Ordinal);
        foreach (var section in new[] { "/ressources/", "/groupes-de-travail/", "/annuaire/", "/financements/", "/decouvrir-l-ess/", "/agenda/" })
        {
            Assert.Contains($"href=\"{section}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Resource_AtItsRoute_RendersNameFactsAndMarkdown()
    {
        var response = await _client.GetAsync("/ressources/guide-agenda-21/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Guide Agenda 21</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Développement durable", html, StringComparison.Ordinal); // a theme label, not its alias
        Assert.Contains("<table>", html, StringComparison.Ordinal); // Markdown rendered at publish
        Assert.Contains("href=\"/groupes-de-travail/", html, StringComparison.Ordinal); // producing group resolved to its route
    }

    [Fact]
    public async Task Section_ListsItsChildren()
    {
        var html = await _client.GetStringAsync("/ressources/");
        Assert.Contains("href=\"/ressources/guide-agenda-21/\"", html, StringComparison.Ordinal);
        Assert.Matches(@"\d+ contenus", html);
    }

    [Fact]
    public async Task UnknownRoute_Returns404PageInFrench()
    {
        var response = await _client.GetAsync("/ressources/nexiste-pas/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteWithoutTrailingSlash_RedirectsPermanently()
    {
        var response = await _client.GetAsync("/ressources/guide-agenda-21");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/ressources/guide-agenda-21/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EnglishHome_UnderEn_IsServedInEnglishWithALinkBackToFrench()
    {
        var response = await _client.GetAsync("/en/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"fr-FR\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StructureProfile_WithoutConsent_HidesContactDetails()
    {
        var directory = await _client.GetStringAsync("/annuaire/");
        var links = System.Text.RegularExpressions.Regex.Matches(directory, "href=\"(/annuaire/[^\"]+/)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(links.Count >= 8, $"expected 8+ structures, found {links.Count}");
        var sawHidden = false;
        var sawShown = false;
        foreach (var link in links)
        {
            var html = await _client.GetStringAsync(link);
            if (html.Contains("mailto:", StringComparison.Ordinal))
            {
                sawShown = true;
            }
            else
            {
                sawHidden = true;
            }
        }
        Assert.True(sawHidden && sawShown, "the demo has structures with and without consent; only consenting ones show an e-mail");
    }
}
