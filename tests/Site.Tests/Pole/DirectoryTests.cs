using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.Structures;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>The public directory <c>/annuaire</c> over HTTP on the demo content, and the sign-up call on group pages.</summary>
public sealed class DirectoryTests(PoleHubFixture fixture) : IClassFixture<PoleHubFixture>
{
    private HubFactory Hub => fixture.Hub;

    private async Task<string> GetAsync(string url)
    {
        using var client = Hub.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Directory_NoFilter_ListsEveryPublishedStructure()
    {
        var html = await GetAsync("/annuaire");
        var count = Hub.Services.GetRequiredService<StructureDirectory>().All().Count;
        Assert.True(count >= 8);
        Assert.Contains($"{count} structures", html, StringComparison.Ordinal);
        Assert.Contains("Cap Financement Solidaire", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"f-commune\">Commune</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_CategoryAndOfferFilters_Combine()
    {
        var html = await GetAsync("/annuaire?categorie=structure-de-base&offre=locaux");
        // Result cards link the name; the "who can help me" list also names structures, in <option>s.
        Assert.Contains(">L'Épi Partagé</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Inter-Assos Rennes Métropole</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Coop'Bâtir 35</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_TextSearch_IgnoresAccentsAndCase()
    {
        var html = await GetAsync("/annuaire?q=RESSOURCERIE");
        Assert.Contains("Ricochet Ressourcerie", html, StringComparison.Ordinal);
        // Through the engine, French stemming may also bring profiles that speak of « ressources »: the exact name ranks first.
        var ranked = Hub.Services.GetRequiredService<StructureDirectory>().Search(new StructureDirectoryQuery { Text = "RESSOURCERIE" });
        Assert.Equal("Ricochet Ressourcerie", ranked[0].Name);
        var accents = Hub.Services.GetRequiredService<StructureDirectory>().Search(new StructureDirectoryQuery { Text = "epi partage" });
        Assert.Contains(accents, s => s.Name == "L'Épi Partagé");
    }

    [Fact]
    public async Task WhoCanHelpMe_ListsOnlyStructuresOfferingWhatItNeeds()
    {
        var directory = Hub.Services.GetRequiredService<StructureDirectory>();
        var epi = directory.All().Single(s => s.Name == "L'Épi Partagé");

        var html = await GetAsync($"/annuaire?aide={epi.Key}");
        var matches = directory.Search(new StructureDirectoryQuery { HelpFor = epi.Key });

        Assert.Contains("L'Épi Partagé recherche", html, StringComparison.Ordinal);
        Assert.NotEmpty(matches);
        Assert.All(matches, s => Assert.True(s.Offers.Intersect(epi.Needs).Any()));
        Assert.DoesNotContain(matches, s => s.Key == epi.Key);
        Assert.Contains(matches, s => s.Name == "Inter-Assos Rennes Métropole");
        // Inter-Assos offers both needs (compétences, matériel): it comes before structures offering one.
        Assert.Equal(2, matches[0].Offers.Intersect(epi.Needs).Count());
    }

    [Fact]
    public async Task Directory_ContactsWithoutConsent_AreNotShown()
    {
        var directory = Hub.Services.GetRequiredService<StructureDirectory>();
        var hidden = directory.All().Where(s => s.ContactEmail is null).ToList();
        Assert.Contains(hidden, s => s.Name == "Les Jardins du Coquet");
        var html = await GetAsync("/annuaire?q=coquet");
        Assert.DoesNotContain("mailto:", html, StringComparison.Ordinal);
        var shown = await GetAsync("/annuaire?q=ricochet");
        Assert.Contains("mailto:", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupPage_OpenGroup_LinksToSignUp_FinishedGroupDoesNot()
    {
        var groups = Hub.Services.GetRequiredService<WorkingGroupCatalog>().All.ToList();
        var open = groups.First(g => g.Status == WorkingGroupStatus.Open);
        var finished = groups.First(g => g.Status == WorkingGroupStatus.Finished);

        var openPage = await GetAsync(open.Route);
        var finishedPage = await GetAsync(finished.Route);

        Assert.Contains(SignUpRoutes.SignUpPage(open.Route.Trim('/').Split('/').Last()), openPage, StringComparison.Ordinal);
        Assert.Contains("Ce groupe est terminé.", finishedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/inscription\"", finishedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StructurePage_ListsItsGroupsAndTheirOutputs()
    {
        var epi = Hub.Services.GetRequiredService<StructureDirectory>().All().Single(s => s.Name == "L'Épi Partagé");
        var agenda = Hub.Services.GetRequiredService<WorkingGroupCatalog>().All.Single(g => g.Name == "Agenda 21 associatif");
        Assert.Contains(epi.Key, agenda.Participants);

        var html = await GetAsync(epi.Route);

        Assert.Contains("Groupes de travail</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{agenda.Route}\">Agenda 21 associatif</a>", html, StringComparison.Ordinal);
        Assert.Contains("productions", html, StringComparison.Ordinal);
    }
}
