using System.Net;
using System.Text.Json.Nodes;
using PoleKnowledge.Site.Tests.Delivery.Contracts;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary>Every response shape of the content endpoints validated against the JSON schemas of Umbraco's published contract.</summary>
public sealed class DeliveryResponseSchemaTests(DeliveryHubFixture hub) : IClassFixture<DeliveryHubFixture>
{
    private const string Content = "/umbraco/delivery/api/v2/content";

    [Theory]
    [InlineData("fr-FR", 40)]
    [InlineData("en-US", 1)] // The demo content is translated in part: the home page, and pages under untranslated sections are not routable in English.
    public async Task EveryItem_QueryPagesItemsByIdPathAndBatch_MatchUmbracosSchemas(string culture, int atLeast)
    {
        var keys = new List<string>();
        var routes = new List<string>();
        for (var skip = 0; ; skip += 20)
        {
            var page = await GetAsync($"{Content}?skip={skip}&take=20&expand=properties[$all]", culture);
            AssertValid("PagedIApiContentResponseModel", page);
            var items = JsonNode.Parse(page)!["items"]!.AsArray();
            keys.AddRange(items.Select(i => i!["id"]!.GetValue<string>()));
            routes.AddRange(items.Select(i => i!["route"]!["path"]!.GetValue<string>()));
            if (items.Count < 20)
            {
                break;
            }
        }
        Assert.True(keys.Count >= atLeast, $"only {keys.Count} items in {culture}");
        foreach (var key in keys)
        {
            AssertValid("ApiContentResponseModel", await GetAsync($"{Content}/item/{key}?expand=properties[$all[properties[$all]]]", culture), key);
        }
        foreach (var route in routes.Take(10))
        {
            AssertValid("ApiContentResponseModel", await GetAsync($"{Content}/item{route}", culture), route);
        }
        var batch = string.Join("&", keys.Take(15).Select(k => "id=" + k));
        AssertValid("ApiContentResponseModel", await GetAsync($"{Content}/items?{batch}&fields=properties[summary]", culture), "items", array: true);
        // Selectors, filters and sorts do not change the shape.
        AssertValid("PagedIApiContentResponseModel", await GetAsync($"{Content}?fetch=descendants:/&filter=contentType:resource&sort=updateDate:desc&take=5", culture));
    }

    [Theory]
    [InlineData("?take=-1")]
    [InlineData("?expand=properties[")]
    [InlineData("?filter=nothing:here")]
    public async Task BadQuery_ProblemDetailsMatchUmbracosSchema(string query)
    {
        var response = await hub.Client.GetAsync(Content + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertValid("ProblemDetails", await response.Content.ReadAsStringAsync(), query);
    }

    private async Task<string> GetAsync(string url, string culture)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Language", culture);
        var response = await hub.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {body}");
        return body;
    }

    private static void AssertValid(string schema, string json, string? what = null, bool array = false)
    {
        var problems = UmbracoContractSchemas.Validate(schema, json, array);
        Assert.True(problems.Count == 0, $"{what ?? schema} does not match {schema}:\n{string.Join("\n", problems)}\n{json[..Math.Min(600, json.Length)]}");
    }
}
