using System.Collections.Immutable;

namespace PoleKnowledge.Cms.Publishing;

public sealed partial class PublishedContentCache
{
    /// <summary>Replaces the whole content (initial load from a snapshot or the database).</summary>
    internal void Load(IEnumerable<PublishedContent> items, long position)
    {
        _items.Clear();
        _children.Clear();
        _routes.Clear();
        _itemRoutes.Clear();
        var byParent = new Dictionary<Guid, List<PublishedContent>>();
        foreach (var item in items)
        {
            _items[item.Key] = item;
            var parent = item.ParentKey ?? RootParent;
            if (!byParent.TryGetValue(parent, out var list))
            {
                byParent[parent] = list = [];
            }
            list.Add(item);
        }
        foreach (var (parent, list) in byParent)
        {
            _children[parent] = [.. list.OrderBy(i => i.SortOrder).ThenBy(i => i.Key).Select(i => i.Key)];
        }
        RebuildAllRoutes();
        _routableCounts.Clear();
        Interlocked.Exchange(ref _position, position);
        IsLoaded = true;
        Changed?.Invoke(this, new PublishedContentChangedEventArgs([], position, reloaded: true));
    }

    /// <summary>
    /// Applies the current state of changed items (null = no longer published) and recomputes the routes
    /// of their subtrees. Called by the single consumer thread only. New routes are computed aside and
    /// written before stale ones are removed, so a reader never sees a republished item missing.
    /// </summary>
    internal void Apply(IReadOnlyDictionary<Guid, PublishedContent?> changes, long position)
    {
        var rootsBefore = _children.GetValueOrDefault(RootParent, []);
        foreach (var (key, item) in changes)
        {
            _items.TryGetValue(key, out var previous);
            if (item is null)
            {
                if (previous is not null)
                {
                    RemoveChild(previous.ParentKey ?? RootParent, key);
                }
                _items.TryRemove(key, out _);
                continue;
            }
            // Most publishes keep the item where it is: then the parent's (possibly huge) child list is untouched.
            var samePlace = previous is not null && previous.ParentKey == item.ParentKey && previous.SortOrder == item.SortOrder;
            _items[key] = item;
            if (!samePlace)
            {
                if (previous is not null)
                {
                    RemoveChild(previous.ParentKey ?? RootParent, key);
                }
                AddChild(item.ParentKey ?? RootParent, item);
            }
        }
        var rootsAfter = _children.GetValueOrDefault(RootParent, []);
        if (!rootsBefore.SequenceEqual(rootsAfter))
        {
            RebuildAllRoutes();
        }
        else
        {
            RecomputeRoutes(changes.Keys);
        }
        _routableCounts.Clear();
        Interlocked.Exchange(ref _position, position);
        Changed?.Invoke(this, new PublishedContentChangedEventArgs([.. changes.Keys], position, reloaded: false));
    }

    internal void AdvanceTo(long position) => Interlocked.Exchange(ref _position, Math.Max(Position, position));

    private void RecomputeRoutes(IEnumerable<Guid> changedKeys)
    {
        var subtree = new HashSet<Guid>();
        foreach (var key in changedKeys)
        {
            CollectSubtree(key, subtree);
        }
        var fresh = new Dictionary<(Guid Key, string Culture), (Guid Root, string Route)>();
        // Parents before children, so a changed child under a changed parent sees the parent's new route.
        foreach (var key in changedKeys.Where(_items.ContainsKey).OrderBy(k => _items[k].Level))
        {
            var item = _items[key];
            var root = RootOf(item);
            if (root.ParentKey is not null || !_items.ContainsKey(root.Key))
            {
                continue;
            }
            foreach (var culture in _cultures)
            {
                ComputeRoutesInto(item, root.Key, culture, subtree, fresh);
            }
        }
        var previous = new List<(Guid Key, string Culture, string Route)>();
        foreach (var key in subtree)
        {
            foreach (var culture in _cultures)
            {
                if (_itemRoutes.TryGetValue((key, culture), out var old))
                {
                    previous.Add((key, culture, old));
                }
            }
        }
        foreach (var ((key, culture), (root, route)) in fresh)
        {
            _routes[new RouteKey(root, culture, route)] = key;
            _itemRoutes[(key, culture)] = route;
        }
        foreach (var (key, culture, old) in previous)
        {
            var hasNew = fresh.TryGetValue((key, culture), out var now);
            if (hasNew && now.Route == old)
            {
                continue;
            }
            if (!hasNew)
            {
                _itemRoutes.TryRemove((key, culture), out _);
            }
            foreach (var rootKey in _children.GetValueOrDefault(RootParent, []))
            {
                var routeKey = new RouteKey(rootKey, culture, old);
                if (_routes.TryGetValue(routeKey, out var owner) && owner == key && !(hasNew && now.Root == rootKey && now.Route == old))
                {
                    _routes.TryRemove(routeKey, out _);
                }
            }
        }
    }

    private void CollectSubtree(Guid key, HashSet<Guid> into)
    {
        if (!into.Add(key))
        {
            return;
        }
        if (_children.TryGetValue(key, out var children))
        {
            foreach (var child in children)
            {
                CollectSubtree(child, into);
            }
        }
    }

    private void ComputeRoutesInto(PublishedContent item, Guid root, string culture, HashSet<Guid> subtree, Dictionary<(Guid, string), (Guid, string)> fresh)
    {
        var data = item.ForCulture(culture);
        if (data is null)
        {
            return;
        }
        string route;
        if (item.ParentKey is not { } parentKey)
        {
            route = "/";
        }
        else if (fresh.TryGetValue((parentKey, culture), out var parentFresh))
        {
            route = parentFresh.Item2 + data.UrlSegment + "/";
        }
        else if (!subtree.Contains(parentKey) && _itemRoutes.TryGetValue((parentKey, culture), out var parentRoute))
        {
            route = parentRoute + data.UrlSegment + "/";
        }
        else
        {
            return;
        }
        // First come keeps a clashing route; the store prevents clashes among siblings.
        if (_routes.TryGetValue(new RouteKey(root, culture, route), out var owner) && owner != item.Key && _items.ContainsKey(owner) && !subtree.Contains(owner))
        {
            return;
        }
        fresh[(item.Key, culture)] = (root, route);
        if (_children.TryGetValue(item.Key, out var children))
        {
            foreach (var childKey in children)
            {
                if (_items.TryGetValue(childKey, out var child))
                {
                    ComputeRoutesInto(child, root, culture, subtree, fresh);
                }
            }
        }
    }

    private void AddChild(Guid parent, PublishedContent item)
    {
        var current = _children.GetValueOrDefault(parent, []);
        var without = current.Contains(item.Key) ? current.Remove(item.Key) : current;
        // Binary search on (sort order, key): children stay in tree order without scanning big sections.
        int low = 0, high = without.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Precedes(without[middle], item))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        _children[parent] = without.Insert(low, item.Key);
    }

    private bool Precedes(Guid siblingKey, PublishedContent item) =>
        _items.TryGetValue(siblingKey, out var sibling) &&
        (sibling.SortOrder < item.SortOrder || (sibling.SortOrder == item.SortOrder && sibling.Key.CompareTo(item.Key) < 0));

    private void RemoveChild(Guid parent, Guid key)
    {
        if (_children.TryGetValue(parent, out var current) && current.Contains(key))
        {
            _children[parent] = current.Remove(key);
        }
    }

    private void RebuildAllRoutes()
    {
        var routes = new Dictionary<RouteKey, Guid>();
        var itemRoutes = new Dictionary<(Guid, string), string>();
        foreach (var rootKey in _children.GetValueOrDefault(RootParent, []))
        {
            if (_items.TryGetValue(rootKey, out var root))
            {
                foreach (var culture in _cultures)
                {
                    BuildRoutes(root, rootKey, culture, "/", routes, itemRoutes);
                }
            }
        }
        // Add the new map first, then drop what is no longer routed: no empty moment for readers.
        foreach (var (routeKey, key) in routes)
        {
            _routes[routeKey] = key;
        }
        foreach (var (itemKey, route) in itemRoutes)
        {
            _itemRoutes[itemKey] = route;
        }
        foreach (var routeKey in _routes.Keys)
        {
            if (!routes.ContainsKey(routeKey))
            {
                _routes.TryRemove(routeKey, out _);
            }
        }
        foreach (var itemKey in _itemRoutes.Keys)
        {
            if (!itemRoutes.ContainsKey(itemKey))
            {
                _itemRoutes.TryRemove(itemKey, out _);
            }
        }
    }

    private void BuildRoutes(PublishedContent item, Guid root, string culture, string route, Dictionary<RouteKey, Guid> routes, Dictionary<(Guid, string), string> itemRoutes)
    {
        if (item.ForCulture(culture) is null)
        {
            return;
        }
        var routeKey = new RouteKey(root, culture, route);
        if (!routes.TryAdd(routeKey, item.Key))
        {
            return;
        }
        itemRoutes[(item.Key, culture)] = route;
        if (_children.TryGetValue(item.Key, out var children))
        {
            foreach (var childKey in children)
            {
                if (_items.TryGetValue(childKey, out var child) && child.ForCulture(culture) is { } data)
                {
                    BuildRoutes(child, root, culture, route + data.UrlSegment + "/", routes, itemRoutes);
                }
            }
        }
    }
}
