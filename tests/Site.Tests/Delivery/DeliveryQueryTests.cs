using System.Net;
using System.Text.Json.Nodes;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary><c>GET /umbraco/delivery/api/v2/content</c> over HTTP on the demo hub: grammar, the pôle's filters, paging, errors.</summary>
public sealed class DeliveryQueryTests(DeliveryHubFixture hub) : IClassFixture<DeliveryHubFixture>
{
    private async Task<JsonObject> QueryAsync(string query)
    {
        var (response, body) = await hub.Client.FetchAsync($"{DeliveryClient.Content}?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return body!.AsObject();
    }

    private static IEnumerable<JsonObject> Items(JsonObject page) => page["items"]!.AsArray().Select(i => i!.AsObject());

    [Fact]
    public async Task ChildrenByPath_ListsTheSectionInTreeOrder()
    {
        var page = await QueryAsync("fetch=children:/ressources/&take=100");
        var items = Items(page).ToList();
        Assert.True(items.Count >= 12);
        Assert.Equal(items.Count, page["total"]!.GetValue<int>());
        Assert.All(items, i => Assert.Equal("resource", i["contentType"]!.GetValue<string>()));
        Assert.All(items, i => Assert.StartsWith("/ressources/", i["route"]!["path"]!.GetValue<string>(), StringComparison.Ordinal));
        // No sort: tree order, the same as the public section page lists.
        var html = await hub.Client.GetStringAsync("/ressources/");
        var positions = items.Select(i => html.IndexOf($"href=\"{i["route"]!["path"]!.GetValue<string>()}\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task ThemeAndContentTypeFilters_ReturnOnlyMatchingItems()
    {
        var page = await QueryAsync("filter=contentType:resource&filter=theme:benevolat&take=100");
        var items = Items(page).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("benevolat", i["properties"]!["themes"]!.AsArray().Select(t => t!.GetValue<string>())));

        var negated = await QueryAsync("filter=contentType:!resource&take=100");
        Assert.All(Items(negated), i => Assert.NotEqual("resource", i["contentType"]!.GetValue<string>()));
        var either = await QueryAsync("filter=contentType:event,workingGroup&take=100");
        Assert.All(Items(either), i => Assert.Contains(i["contentType"]!.GetValue<string>(), new[] { "event", "workingGroup" }));
        Assert.Contains(Items(either), i => i["contentType"]!.GetValue<string>() == "event");
    }

    [Fact]
    public async Task SortByTitle_IsFrenchAware_AndPagingWalksEveryItemOnce()
    {
        // The pôle's title: sort folds accents, so « Étude » sorts among the E (Umbraco's name: sort is ordinal).
        var all = await QueryAsync("fetch=children:/ressources/&sort=title:asc&take=100");
        var names = Items(all).Select(i => i["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), ignoreCase: true)).ToList(), names, StringComparer.Ordinal);
        var walked = new List<string>();
        for (var skip = 0; skip < names.Count; skip += 5)
        {
            var page = await QueryAsync($"fetch=children:/ressources/&sort=title:asc&skip={skip}&take=5");
            Assert.Equal(names.Count, page["total"]!.GetValue<int>());
            walked.AddRange(Items(page).Select(i => i["name"]!.GetValue<string>()));
        }
        Assert.Equal(names, walked);
    }

    [Fact]
    public async Task Publish_IsVisibleInQueries()
    {
        await hub.CreateResourceAsync("Fiche interrogeable", publish: true);
        var page = await QueryAsync("filter=name:interrogeable");
        Assert.Equal("Fiche interrogeable", Assert.Single(Items(page))["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("fetch=nope:x", "Selector option not found")]
    [InlineData("filter=nope:x", "Filter option not found")]
    [InlineData("sort=nope:asc", "Sort option not found")]
    public async Task UnknownOption_IsUmbracosErrorBody(string query, string title)
    {
        var (response, body) = await hub.Client.FetchAsync($"{DeliveryClient.Content}?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Error", body!["type"]!.GetValue<string>());
        Assert.Equal(title, body["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("take=1000000", "take")]
    [InlineData("take=-1", "take")]
    [InlineData("skip=abc", "skip")]
    public async Task BadPaging_Is400NamingTheParameter(string query, string parameter)
    {
        var (response, body) = await hub.Client.FetchAsync($"{DeliveryClient.Content}?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(body!["errors"]![parameter]);
    }

    [Fact]
    public async Task FiveThousandCharacterFilter_Is400NotA500()
    {
        var (response, _) = await hub.Client.FetchAsync($"{DeliveryClient.Content}?filter=name:{new string('a', 5000)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hub.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task UnknownSelectorItem_IsAnEmptyPage()
    {
        var page = await QueryAsync($"fetch=children:{Guid.NewGuid()}");
        Assert.Equal(0, page["total"]!.GetValue<int>());
        Assert.Empty(page["items"]!.AsArray());
    }
}
