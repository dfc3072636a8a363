using PoleKnowledge.Cms.Tests.Indexing;
using T = PoleKnowledge.Cms.Tests.Indexing.IndexTestTree;

namespace PoleKnowledge.Cms.Tests.Delivery.Querying;

public sealed class DeliveryQuerySortAndPagingTests(DeliveryQueryFixture fixture) : IClassFixture<DeliveryQueryFixture>
{
    private IndexTestHost Host => fixture.Host;

    private List<string> Names(IReadOnlyList<Guid> keys, string culture = "fr-FR") => [.. keys.Select(k => Host.Cache.Get(k)!.ForCulture(culture)!.Name)];

    [Fact]
    public void Name_AscAndDesc_CaseInsensitive()
    {
        var ascending = Names(Host.Query($"children:{T.Resources}", sorts: ["name:asc"]).Keys);
        Assert.Equal(T.ResourceNames.OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal), ascending);
        var descending = Names(Host.Query($"children:{T.Resources}", sorts: ["NAME:desc"]).Keys);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
        Assert.Equal(ascending, Names(Host.Query($"children:{T.Resources}", sorts: ["name:ASC"]).Keys)); // documented divergence
    }

    [Fact]
    public void Dates_AscAndDesc()
    {
        Assert.Equal(Enumerable.Range(0, 10).Select(T.Resource), Host.Query($"children:{T.Resources}", sorts: ["createDate:asc"]).Keys);
        Assert.Equal(Enumerable.Range(0, 10).Reverse().Select(T.Resource), Host.Query($"children:{T.Resources}", sorts: ["createDate:desc"]).Keys);
        Assert.Equal(Enumerable.Range(0, 10).Select(T.Resource), Host.Query($"children:{T.Resources}", sorts: ["updateDate:desc"]).Keys);
    }

    [Fact]
    public void LevelThenSortOrder_MultiKeyWithKeyOrderTieBreak()
    {
        var keys = Host.Query($"descendants:{T.Home}", sorts: ["level:desc", "sortOrder:asc"], take: 100).Keys;
        Assert.Equal(27, keys.Count);
        var levels = keys.Select(k => Host.Cache.Get(k)!.Level).ToList();
        Assert.Equal(levels.OrderByDescending(l => l), levels);
        // Level 3, sort order 0: resource 0, event 0, note 7 — equal sort keys fall back to the item key (the order
        // siblings with equal sort orders have in the cache): deterministic, and numeric, so sorted queries stay cheap.
        Assert.Equal(new[] { T.Resource(0), T.Event(0), T.Note(7) }.Order(), keys.Take(3));
        Assert.Equal([T.Resources, T.Agenda, T.Notes], keys.TakeLast(3));
    }

    [Fact]
    public void SortOrder_Desc()
    {
        Assert.Equal(Enumerable.Range(0, 8).Select(T.Note), Host.Query($"children:{T.Notes}", sorts: ["sortOrder:desc"]).Keys);
    }

    [Theory]
    [InlineData("publishDate:asc")]
    [InlineData("name")]
    public void UnknownSort_UmbracoError(string sort)
    {
        var parsed = Host.Parse(sorts: [sort]);
        Assert.False(parsed.IsValid);
        Assert.Equal(("Sort option not found", "One of the attempted 'sort' options does not exist", "sort"), (parsed.Error.Title, parsed.Error.Detail, parsed.Error.Parameter));
    }

    [Fact]
    public void NoSort_TreeOrderDepthFirst()
    {
        var keys = Host.Query($"descendants:{T.Home}").Keys;
        Assert.Equal(Host.Cache.DescendantsOf(T.Home, "fr-FR").Select(i => i.Key), keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("name:desc")]
    [InlineData("level:asc")]
    public void Pages_UnionEqualsTotalWithoutDuplicates(string? sort)
    {
        var all = new List<Guid>();
        long total = -1;
        for (var skip = 0; ; skip += 4)
        {
            var page = Host.Query($"descendants:{T.Home}", sorts: sort is null ? null : [sort], skip: skip, take: 4);
            total = page.Total;
            if (page.Keys.Count == 0)
            {
                break;
            }
            all.AddRange(page.Keys);
        }
        Assert.Equal(27, total);
        Assert.Equal(total, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(Host.Query($"descendants:{T.Home}", sorts: sort is null ? null : [sort], take: 100).Keys, all);
    }

    [Fact]
    public void TakeZeroAndSkipBeyond_TotalOnly()
    {
        var none = Host.Query($"descendants:{T.Home}", take: 0);
        Assert.Equal(27, none.Total);
        Assert.Empty(none.Keys);
        var beyond = Host.Query($"descendants:{T.Home}", skip: 1_000_000, take: 10);
        Assert.Equal(27, beyond.Total);
        Assert.Empty(beyond.Keys);
    }

    [Theory]
    [InlineData("-1", null, "skip")]
    [InlineData("abc", null, "skip")]
    [InlineData(null, "-5", "take")]
    [InlineData(null, "1000000", "take")]
    [InlineData(null, "101", "take")]
    [InlineData(null, "1.5", "take")]
    public void BadPaging_ValidationErrorNamingTheParameter(string? skip, string? take, string parameter)
    {
        var parsed = Host.Parse(skip: skip, take: take);
        Assert.False(parsed.IsValid);
        Assert.Equal(parameter, parsed.Error.Parameter);
        Assert.Equal("One or more validation errors occurred.", parsed.Error.Title);
    }

    [Fact]
    public void Paging_Defaults()
    {
        var parsed = Host.Parse(take: "", skip: null);
        Assert.True(parsed.IsValid);
        Assert.Equal((0, 10), (parsed.Query.Skip, parsed.Query.Take));
        Assert.True(Host.Parse(take: "100").IsValid);
    }
}
