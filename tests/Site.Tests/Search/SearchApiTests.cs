using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PoleKnowledge.Site.Tests.Search;

/// <summary>The search API over the demo content and the corpus: shape, the issue's examples, facets, snippets, suggestions, corrections, the OpenAPI document.</summary>
[Collection(CorpusCollection.Name)]
public sealed class SearchApiTests(CorpusHubFixture hub)
{
    private async Task<JsonObject> SearchAsync(string query)
    {
        var response = await hub.Client.GetAsync("/api/search/v1?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static List<string> Names(JsonObject result) => [.. result["hits"]!.AsArray().Select(h => h!["name"]!.GetValue<string>())];

    [Fact]
    public async Task Search_ReturnsTheDocumentedShape()
    {
        var result = await SearchAsync("q=agenda%2021");
        Assert.True(result["total"]!.GetValue<int>() > 0);
        var hit = result["hits"]![0]!.AsObject();
        Assert.Equal(["id", "contentType", "name", "route", "score", "snippet"], hit.Select(p => p.Key));
        Assert.True(Guid.TryParse(hit["id"]!.GetValue<string>(), out _));
        Assert.StartsWith("/", hit["route"]!.GetValue<string>());
        var facets = result["facets"]!.AsObject();
        Assert.Contains("contentType", facets.Select(f => f.Key));
        var value = facets["contentType"]![0]!.AsObject();
        Assert.Equal(["value", "label", "count"], value.Select(p => p.Key));
        Assert.True(result.ContainsKey("correctedQuery"));
    }

    [Theory]
    [InlineData("agenda21", "Agenda 21")]
    [InlineData("l'agenda 21", "Agenda 21")]
    [InlineData("benevoles", "bénévol")]
    [InlineData("financement asso", "financ")]
    public async Task IssueExamples_FindTheirItems(string query, string expectedInName)
    {
        var names = Names(await SearchAsync("take=5&q=" + Uri.EscapeDataString(query)));
        Assert.Contains(names, n => n.Contains(expectedInName, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EqualScores_AreOrderedByTheContentNotByWhereTheIndexPutIt()
    {
        // The same sheet published for associations and for businesses: the same words, the same score. The
        // shorter name comes first (same order after every rebuild, whichever thread indexed which), and a page
        // cut between the two continues the same order.
        const string query = "q=licence%20d%27entreprneur%20de%20spectacles";
        var first = await SearchAsync(query + "&take=3");
        var scores = first["hits"]!.AsArray().Select(h => h!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores[0], scores[1]);
        Assert.Equal(["Licence d'entrepreneur de spectacles", "Licence d'entrepreneur de spectacles (professionnels)"], Names(first)[..2]);
        var second = await SearchAsync(query + "&skip=1&take=1");
        Assert.Equal([Names(first)[1]], Names(second));
    }

    [Fact]
    public async Task Snippets_MarkMatchesAndEscapeTheRest()
    {
        var result = await SearchAsync("q=association&take=10");
        foreach (var hit in result["hits"]!.AsArray())
        {
            var snippet = hit!["snippet"]!.GetValue<string>();
            var withoutMarks = snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
            Assert.DoesNotContain('<', withoutMarks);
            Assert.DoesNotContain('>', withoutMarks);
        }
        Assert.Contains(result["hits"]!.AsArray(), h => h!["snippet"]!.GetValue<string>().Contains("<mark>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_CombineAcrossFacets_AndCountOtherValuesOfTheirOwn()
    {
        var all = await SearchAsync("q=association&take=0");
        var guides = await SearchAsync("q=association&take=50&filter=contentType:resource&filter=resourceType:fiche-pratique");
        Assert.True(guides["total"]!.GetValue<int>() < all["total"]!.GetValue<int>());
        Assert.All(guides["hits"]!.AsArray(), h => Assert.Equal("resource", h!["contentType"]!.GetValue<string>()));
        // The content type facet of a query filtered by content type still offers the other types.
        var resources = await SearchAsync("q=association&take=0&filter=contentType:resource");
        Assert.True(resources["facets"]!["contentType"]!.AsArray().Count > 1);
        var texts = await SearchAsync("q=association&take=0&filter=resourceType:texte-de-reference");
        var either = await SearchAsync("q=association&take=0&filter=resourceType:texte-de-reference,fiche-pratique");
        Assert.Equal(guides["total"]!.GetValue<int>() + texts["total"]!.GetValue<int>(), either["total"]!.GetValue<int>());
        var label = guides["facets"]!["resourceType"]!.AsArray().First(v => v!["value"]!.GetValue<string>() == "fiche-pratique")!["label"]!.GetValue<string>();
        Assert.Equal("Fiche pratique", label);
    }

    [Fact]
    public async Task EmptyQuery_ListsEverythingWithFacets()
    {
        var result = await SearchAsync("q=");
        Assert.True(result["total"]!.GetValue<int>() > 3700);
        Assert.Equal(10, result["hits"]!.AsArray().Count);
        Assert.Equal(8, result["facets"]!.AsObject().Count(f => f.Value!.AsArray().Count > 0 || f.Key is "commune" or "legalForm" or "audience" or "mission" or "theme"));
    }

    [Fact]
    public async Task UnknownWord_OffersTheCorrectedQuery()
    {
        var result = await SearchAsync("q=" + Uri.EscapeDataString("dissolutoin associaton"));
        Assert.Equal("dissolution association", result["correctedQuery"]!.GetValue<string>());
        Assert.Equal("Dissolution d'une association", Names(result)[0]);
        Assert.Null((await SearchAsync("q=dissolution"))["correctedQuery"]);
    }

    [Fact]
    public async Task RealWordTypo_IsCorrectedWhenTheWordsAreFarMoreOftenTogetherAnotherWay()
    {
        // "grade" is a word of its own (a civil servant's grade), but "grade … vue" is in no document and
        // "garde … vue" in many: the query searches both and offers the correction.
        var result = await SearchAsync("q=" + Uri.EscapeDataString("grade a vue") + "&take=3");
        Assert.Equal("Garde à vue", Names(result)[0]);
        Assert.Equal("garde a vue", result["correctedQuery"]!.GetValue<string>());
        // Words found together as typed are left alone.
        Assert.Null((await SearchAsync("q=" + Uri.EscapeDataString("grade fonctionnaire")))["correctedQuery"]);
        Assert.Null((await SearchAsync("q=" + Uri.EscapeDataString("garde à vue")))["correctedQuery"]);
    }

    [Fact]
    public async Task Suggest_CompletesNamesAndTaxonomyTerms()
    {
        var response = await hub.Client.GetAsync("/api/search/v1/suggest?q=" + Uri.EscapeDataString("dissolution asso"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Contains(items, i => i!["label"]!.GetValue<string>() == "Dissolution d'une association" && i["route"] is not null);
        var terms = JsonNode.Parse(await hub.Client.GetStringAsync("/api/search/v1/suggest?q=benev"))!.AsArray();
        Assert.Contains(terms, i => i!["facet"]?.GetValue<string>() == "theme" && i["value"]!.GetValue<string>() == "benevolat");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBothOperations()
    {
        var document = JsonDocument.Parse(await hub.Client.GetStringAsync("/api/search/v1/openapi.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal("Search", paths.GetProperty("/api/search/v1").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("SearchSuggest", paths.GetProperty("/api/search/v1/suggest").GetProperty("get").GetProperty("operationId").GetString());
        var parameters = paths.GetProperty("/api/search/v1").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["q", "filter", "sort", "skip", "take", "culture"], parameters);
    }

    [Fact]
    public async Task SearchPage_WorksWithoutJavaScript()
    {
        var html = await hub.Client.GetStringAsync("/recherche?q=" + Uri.EscapeDataString("dissolution association") + "&filter=contentType:resource");
        Assert.Contains("<label for=\"search-q\"", html, StringComparison.Ordinal);
        Assert.Contains("Dissolution d&#x27;une association", html.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/recherche?q=dissolution%20association\"", html, StringComparison.Ordinal); // removes the filter
        var empty = await hub.Client.GetAsync("/recherche");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("class=\"facets\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
