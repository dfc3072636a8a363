using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Cms.Tests.Publishing;

public sealed class PublishedContentCacheTests
{
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Resources = Guid.NewGuid();
    private static readonly Guid Guide = Guid.NewGuid();

    private static PublishedContent Item(Guid key, Guid? parent, string segment, int sortOrder = 0, bool variant = false, string? englishSegment = null)
    {
        var cultures = new Dictionary<string, PublishedCulture>(StringComparer.Ordinal);
        if (variant)
        {
            cultures["fr-FR"] = Culture("fr-FR", segment);
            if (englishSegment is not null)
            {
                cultures["en-US"] = Culture("en-US", englishSegment);
            }
        }
        else
        {
            cultures[""] = Culture("", segment);
        }
        return new PublishedContent { Key = key, ContentType = "page", ParentKey = parent, SortOrder = sortOrder, Level = 1, Cultures = cultures };
    }

    private static PublishedCulture Culture(string culture, string segment) =>
        new() { Culture = culture, Name = segment, UrlSegment = segment, Properties = [new PublishedProperty("title", "\"x\""u8.ToArray(), false)] };

    private static PublishedContentCache NewCache() => new(new ContentSchemaHolder(TestSchema.Current));

    [Fact]
    public void Load_Tree_RoutesEachCultureUnderTheRoot()
    {
        var cache = NewCache();
        cache.Load([Item(Home, null, "accueil", variant: true, englishSegment: "home"), Item(Resources, Home, "ressources", variant: true, englishSegment: "resources"), Item(Guide, Resources, "guide-agenda-21")], 42);
        Assert.Equal(42, cache.Position);
        Assert.Equal("/", cache.GetRoute(Home, "fr-FR"));
        Assert.Equal("/ressources/guide-agenda-21/", cache.GetRoute(Guide, "fr-FR"));
        Assert.Equal("/resources/guide-agenda-21/", cache.GetRoute(Guide, "en-US")); // invariant item under a variant parent
        Assert.Equal(Guide, cache.GetByRoute("ressources/guide-agenda-21", "fr-FR")?.Key);
        Assert.Equal(Guide, cache.GetByRoute("/RESSOURCES/guide-agenda-21/", "fr-FR")?.Key);
        Assert.Null(cache.GetByRoute("/ressources/guide-agenda-21/", "de-DE"));
    }

    [Fact]
    public void Apply_ParentUnpublished_ChildrenLoseTheirRoutesUntilItReturns()
    {
        var cache = NewCache();
        cache.Load([Item(Home, null, "accueil"), Item(Resources, Home, "ressources"), Item(Guide, Resources, "guide")], 1);
        cache.Apply(new Dictionary<Guid, PublishedContent?> { [Resources] = null }, 2);
        Assert.Null(cache.GetRoute(Guide, "fr-FR"));
        Assert.Null(cache.GetByRoute("/ressources/guide/", "fr-FR"));
        Assert.NotNull(cache.Get(Guide)); // still published, just not routable

        cache.Apply(new Dictionary<Guid, PublishedContent?> { [Resources] = Item(Resources, Home, "ressources") }, 3);
        Assert.Equal("/ressources/guide/", cache.GetRoute(Guide, "fr-FR"));
    }

    [Fact]
    public void Apply_Move_ReroutesTheSubtreeAndFreesTheOldRoute()
    {
        var agenda = Guid.NewGuid();
        var cache = NewCache();
        cache.Load([Item(Home, null, "accueil"), Item(Resources, Home, "ressources"), Item(agenda, Home, "agenda", 1), Item(Guide, Resources, "guide")], 1);
        cache.Apply(new Dictionary<Guid, PublishedContent?> { [Guide] = Item(Guide, agenda, "guide") }, 2);
        Assert.Equal("/agenda/guide/", cache.GetRoute(Guide, "fr-FR"));
        Assert.Null(cache.GetByRoute("/ressources/guide/", "fr-FR"));
        Assert.Empty(cache.ChildrenOf(Resources));
        Assert.Single(cache.ChildrenOf(agenda));
    }

    [Fact]
    public void ChildrenOf_FollowsSortOrder()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();
        var cache = NewCache();
        cache.Load([Item(Home, null, "accueil"), Item(a, Home, "a", 2), Item(b, Home, "b", 0), Item(c, Home, "c", 1)], 1);
        Assert.Equal([b, c, a], cache.ChildrenOf(Home).Select(i => i.Key));
        cache.Apply(new Dictionary<Guid, PublishedContent?> { [a] = Item(a, Home, "a", -1) }, 2);
        Assert.Equal([a, b, c], cache.ChildrenOf(Home).Select(i => i.Key));
    }

    [Fact]
    public void Snapshot_WriteThenRead_RoundTripsItemsAndPosition()
    {
        var path = Path.Combine(Path.GetTempPath(), "pk-tests", Guid.NewGuid().ToString("N"), "published.snapshot");
        var items = new[] { Item(Home, null, "accueil", variant: true, englishSegment: "home"), Item(Guide, Home, "guide", 3) };
        PublishedCacheSnapshot.Write(path, 1234, items);
        var read = PublishedCacheSnapshot.TryRead(path);
        Assert.NotNull(read);
        Assert.Equal(1234, read.Value.Position);
        var guide = read.Value.Items.Single(i => i.Key == Guide);
        Assert.Equal(Home, guide.ParentKey);
        Assert.Equal(3, guide.SortOrder);
        Assert.Equal("\"x\""u8.ToArray(), guide.ForCulture("fr-FR")!.Properties[0].Json);
        Assert.Equal(["en-US", "fr-FR"], read.Value.Items.Single(i => i.Key == Home).Cultures.Keys.Order());

        File.WriteAllBytes(path, [9, 9, 9]);
        Assert.Null(PublishedCacheSnapshot.TryRead(path));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
