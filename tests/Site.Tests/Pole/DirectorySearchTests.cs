using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.Structures;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>The directory's text search goes through the hub's search engine (French stemming, accents), and its filters still apply.</summary>
public sealed class DirectorySearchTests(PoleHubFixture fixture) : IClassFixture<PoleHubFixture>
{
    private HubFactory Hub => fixture.Hub;

    private async Task<string> GetAsync(string url)
    {
        using var client = Hub.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_Benevolat_FindsStructuresThatSpeakOfBenevoles()
    {
        // The words are « bénévoles » in the profiles: only the engine's French analysis joins them to "benevolat".
        var literal = Hub.Services.GetRequiredService<StructureDirectory>().All().Where(s => s.SearchText.Contains("benevolat", StringComparison.Ordinal)).ToList();
        var html = await GetAsync("/annuaire?q=benevolat");
        Assert.Contains(">Inter-Assos Rennes Métropole</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Vélo Solidaire Rennais</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(literal, s => s.Name == "Inter-Assos Rennes Métropole");
        Assert.DoesNotContain(">Cap Financement Solidaire</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithCategoryFilter_BothApply()
    {
        var html = await GetAsync("/annuaire?q=benevoles&categorie=tete-de-reseau");
        Assert.Contains(">Inter-Assos Rennes Métropole</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Vélo Solidaire Rennais</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">L'Épi Partagé</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UnaccentedName_StillFound()
    {
        var html = await GetAsync("/annuaire?q=velo+solidaire");
        Assert.Contains(">Vélo Solidaire Rennais</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_OnlyStructureProfiles()
    {
        var results = Hub.Services.GetRequiredService<StructureDirectory>().Search(new StructureDirectoryQuery { Text = "benevoles" });
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.NotNull(Hub.Services.GetRequiredService<StructureDirectory>().Find(r.Key)));
    }
}
