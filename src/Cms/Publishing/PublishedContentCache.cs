using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace PoleKnowledge.Cms.Publishing;

/// <summary>
/// The published content of the hub in memory, by key and by route per culture (Umbraco's published
/// cache). Written only by the change-feed consumer (<see cref="PublishedCacheFeedSubscriber"/>); read by
/// public pages and the Delivery API without touching the database.
/// Routes: a root item is <c>/</c>; below it, the URL segments of the ancestors (not the root's) and the
/// item, with a trailing slash. An item is routable in a culture only when it and all its ancestors are
/// published there.
/// </summary>
public sealed partial class PublishedContentCache
{
    private static readonly Guid RootParent = Guid.Empty;

    private readonly ConcurrentDictionary<Guid, PublishedContent> _items = new();
    private readonly ConcurrentDictionary<Guid, ImmutableArray<Guid>> _children = new();
    private readonly ConcurrentDictionary<RouteKey, Guid> _routes = new();
    private readonly ConcurrentDictionary<(Guid Key, string Culture), string> _itemRoutes = new();
    private readonly ConcurrentDictionary<(Guid Parent, string Culture), int> _routableCounts = new();
    private readonly IReadOnlyList<string> _cultures;
    private long _position;

    public PublishedContentCache(Content.ContentSchemaHolder schema)
    {
        _cultures = schema.Schema.Cultures;
    }

    /// <summary>The last change-feed sequence applied.</summary>
    public long Position => Interlocked.Read(ref _position);

    public int Count => _items.Count;

    /// <summary>
    /// Raised on the consumer thread after a batch of changes (or a reload) is applied and <see cref="Position"/>
    /// has moved: output caches evict here, so a reader that waited for the position never gets stale output.
    /// Handlers must be quick and must not throw (they run inside the feed consumer).
    /// </summary>
    public event EventHandler<PublishedContentChangedEventArgs>? Changed;

    public bool IsLoaded { get; private set; }

    public PublishedContent? Get(Guid key) => _items.GetValueOrDefault(key);

    /// <summary>The first root item (lowest sort order): the default start item.</summary>
    public PublishedContent? DefaultRoot =>
        _children.TryGetValue(RootParent, out var roots) && roots.Length > 0 ? _items.GetValueOrDefault(roots[0]) : null;

    public IEnumerable<PublishedContent> Roots => ChildrenOf(null);

    /// <summary>Published children in tree order (whether routable or not).</summary>
    public IEnumerable<PublishedContent> ChildrenOf(Guid? parentKey)
    {
        if (!_children.TryGetValue(parentKey ?? RootParent, out var keys))
        {
            yield break;
        }
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var item))
            {
                yield return item;
            }
        }
    }

    /// <summary>Published children that are routable in the culture, in tree order.</summary>
    public IEnumerable<PublishedContent> RoutableChildrenOf(Guid parentKey, string culture) =>
        ChildrenOf(parentKey).Where(child => _itemRoutes.ContainsKey((child.Key, culture)));

    /// <summary>How many children are routable in the culture; cached until the next change (big sections list 70,000 items).</summary>
    public int CountRoutableChildren(Guid parentKey, string culture) =>
        _routableCounts.GetOrAdd((parentKey, culture), k => RoutableChildrenOf(k.Parent, k.Culture).Count());

    /// <summary>Published, routable descendants in tree order (depth first).</summary>
    public IEnumerable<PublishedContent> DescendantsOf(Guid key, string culture)
    {
        foreach (var child in RoutableChildrenOf(key, culture))
        {
            yield return child;
            foreach (var descendant in DescendantsOf(child.Key, culture))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>The route of an item in a culture, or null when it is not routable there.</summary>
    public string? GetRoute(Guid key, string culture) => _itemRoutes.GetValueOrDefault((key, culture));

    /// <summary>The cultures an item is routable in, with its route in each.</summary>
    public IEnumerable<(string Culture, string Route)> GetRoutes(Guid key)
    {
        foreach (var culture in _cultures)
        {
            if (_itemRoutes.TryGetValue((key, culture), out var route))
            {
                yield return (culture, route);
            }
        }
    }

    /// <summary>Finds the item at a route (leading and trailing slashes optional) under a start item (the default root when null).</summary>
    public PublishedContent? GetByRoute(string route, string culture, Guid? startItem = null)
    {
        var root = startItem ?? DefaultRoot?.Key;
        if (root is null)
        {
            return null;
        }
        var path = NormaliseRoute(route);
        return _routes.TryGetValue(new RouteKey(root.Value, culture, path), out var key) ? _items.GetValueOrDefault(key) : null;
    }

    /// <summary>The ancestors of an item from its parent up to the root.</summary>
    public IEnumerable<PublishedContent> AncestorsOf(PublishedContent item)
    {
        var current = item.ParentKey is { } parent ? Get(parent) : null;
        while (current is not null)
        {
            yield return current;
            current = current.ParentKey is { } next ? Get(next) : null;
        }
    }

    /// <summary>The root item an item lives under (itself for a root).</summary>
    public PublishedContent RootOf(PublishedContent item) => AncestorsOf(item).LastOrDefault() ?? item;

    public IEnumerable<PublishedContent> All => _items.Values;

    internal static string NormaliseRoute(string route)
    {
        var trimmed = route.Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed.ToLowerInvariant() + "/";
    }
}
