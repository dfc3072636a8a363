using PoleKnowledge.Cms.Delivery.Querying;

namespace PoleKnowledge.Cms.Tests.Delivery.Querying;

public sealed class QueryResultCacheKeyTests
{
    private static DeliveryQuery Query(string[]? filter = null, int skip = 0, int take = 10, string culture = "fr-FR", string[]? allowed = null, FilterOperation op = FilterOperation.Is) =>
        new(new SelectorOption("parentId", ["a"]), filter is null ? [] : [new FilterOption("theme", filter, op)], [new SortOption("updateDate", SortDirection.Descending)],
            culture, skip, take, allowed is null ? null : new HashSet<string>(allowed));

    [Fact]
    public void KeyOf_SameQuery_SameKey_AllowListInAnyOrder() =>
        Assert.Equal(QueryResultCache.KeyOf(Query(["x"], allowed: ["page", "resource"])), QueryResultCache.KeyOf(Query(["x"], allowed: ["resource", "page"])));

    [Fact]
    public void KeyOf_EveryPartThatChangesTheResult_ChangesTheKey()
    {
        var keys = new[]
        {
            QueryResultCache.KeyOf(Query()),
            QueryResultCache.KeyOf(Query(["x"])),
            QueryResultCache.KeyOf(Query(["x"], op: FilterOperation.IsNot)),
            QueryResultCache.KeyOf(Query(["x", "y"])),
            // A value holding what could be a separator must not read as two values.
            QueryResultCache.KeyOf(Query(["x|1:y"])),
            QueryResultCache.KeyOf(Query(skip: 10)),
            QueryResultCache.KeyOf(Query(take: 20)),
            QueryResultCache.KeyOf(Query(culture: "en-US")),
            QueryResultCache.KeyOf(Query(allowed: [])),
            QueryResultCache.KeyOf(Query(allowed: ["page"])),
        };
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
