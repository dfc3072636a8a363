using PoleKnowledge.Cms.Search;

namespace PoleKnowledge.Cms.Tests.Search;

public sealed class SearchResultCacheTests
{
    private static SearchRequest Request(string? query = "association", Dictionary<string, IReadOnlyList<string>>? filters = null) =>
        new() { Query = query, Culture = "fr-FR", Filters = filters ?? [] };

    [Fact]
    public void Key_DiffersForEveryPartThatChangesTheResult()
    {
        var keys = new[]
        {
            Request(),
            Request("associations"),
            Request(null),
            Request() with { Culture = "en-US" },
            Request() with { Sort = SearchSort.Date },
            Request() with { Skip = 10 },
            Request() with { Take = 20 },
            Request() with { IncludeFacets = false },
            Request(filters: new() { ["theme"] = ["benevolat"] }),
            Request(filters: new() { ["theme"] = ["benevolat", "emploi"] }),
            Request(filters: new() { ["mission"] = ["benevolat"] }),
            // A value holding the separator cannot pass for two values.
            Request(filters: new() { ["theme"] = ["a|1:b"] }),
            Request(filters: new() { ["theme"] = ["a", "b"] }),
        }.Select(SearchResultCache.KeyOf).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Key_IgnoresTheOrderOfFiltersAndValues()
    {
        var one = Request(filters: new() { ["theme"] = ["emploi", "benevolat"], ["year"] = ["2024"] });
        var other = Request(filters: new() { ["year"] = ["2024"], ["theme"] = ["benevolat", "emploi"] });
        Assert.Equal(SearchResultCache.KeyOf(one), SearchResultCache.KeyOf(other));
    }
}
