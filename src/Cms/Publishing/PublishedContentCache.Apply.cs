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
        Interlocked.Exchange(ref _position, position);
        IsLoaded = true;
        Changed?.Invoke(this, new PublishedContentChangedEventArgs([], position, reloaded: true));
    }

    /// <summary>
    /// Applies the current state of changed items (null = no longer published) and recomputes the routes
    /// of their subtrees. Called by the single consumer thread only.
    /// </summary>
    internal void Apply(IReadOnlyDictionary<Guid, PublishedContent?> changes, long position)
    {
        var rootsBefore = _children.GetValueOrDefault(RootParent, []);
        foreach (var (key, item) in changes)
        {
            if (_items.TryGetValue(key, out var previous))
            {
                RemoveChild(previous.ParentKey ?? RootParent, key);
            }
            if (item is null)
            {
                _items.TryRemove(key, out _);
            }
            else
            {
                _items[key] = item;
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
            foreach (var key in changes.Keys)
            {
                RemoveRoutes(key);
            }
            foreach (var key in changes.Keys)
            {
                if (_items.TryGetValue(key, out var item))
                {
                    ComputeSubtreeRoutes(item);
                }
            }
        }
        Interlocked.Exchange(ref _position, position);
        Changed?.Invoke(this, new PublishedContentChangedEventArgs([.. changes.Keys], position, reloaded: false));
    }

    internal void AdvanceTo(long position) => Interlocked.Exchange(ref _position, Math.Max(Position, position));

    private void AddChild(Guid parent, PublishedContent item)
    {
        var current = _children.GetValueOrDefault(parent, []);
        var builder = current.Where(k => k != item.Key).ToList();
        var index = builder.FindIndex(k => _items.TryGetValue(k, out var sibling) && (sibling.SortOrder > item.SortOrder || (sibling.SortOrder == item.SortOrder && sibling.Key.CompareTo(item.Key) > 0)));
        builder.Insert(index < 0 ? builder.Count : index, item.Key);
        _children[parent] = [.. builder];
    }

    private void RemoveChild(Guid parent, Guid key)
    {
        if (_children.TryGetValue(parent, out var current) && current.Contains(key))
        {
            _children[parent] = current.Remove(key);
        }
    }

    private void RemoveRoutes(Guid key)
    {
        foreach (var culture in _cultures)
        {
            if (_itemRoutes.TryRemove((key, culture), out var route))
            {
                foreach (var root in _children.GetValueOrDefault(RootParent, []))
                {
                    var routeKey = new RouteKey(root, culture, route);
                    if (_routes.TryGetValue(routeKey, out var owner) && owner == key)
                    {
                        _routes.TryRemove(routeKey, out _);
                    }
                }
            }
        }
        if (_children.TryGetValue(key, out var children))
        {
            foreach (var child in children)
            {
                RemoveRoutes(child);
            }
        }
    }

    private void RebuildAllRoutes()
    {
        _routes.Clear();
        _itemRoutes.Clear();
        foreach (var rootKey in _children.GetValueOrDefault(RootParent, []))
        {
            if (_items.TryGetValue(rootKey, out var root))
            {
                ComputeSubtreeRoutes(root);
            }
        }
    }

    /// <summary>Computes the routes of an item from its parent's (already computed) routes, then of its descendants.</summary>
    private void ComputeSubtreeRoutes(PublishedContent item)
    {
        var root = RootOf(item);
        if (!_items.ContainsKey(root.Key) || root.ParentKey is not null)
        {
            return;
        }
        foreach (var culture in _cultures)
        {
            ComputeRoutes(item, root.Key, culture);
        }
    }

    private void ComputeRoutes(PublishedContent item, Guid root, string culture)
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
        else
        {
            if (!_itemRoutes.TryGetValue((parentKey, culture), out var parentRoute))
            {
                return;
            }
            route = parentRoute + data.UrlSegment + "/";
        }
        var routeKey = new RouteKey(root, culture, route);
        // First come keeps a clashing route; the store prevents clashes among siblings.
        if (_routes.TryGetValue(routeKey, out var owner) && owner != item.Key && _items.ContainsKey(owner))
        {
            return;
        }
        _routes[routeKey] = item.Key;
        _itemRoutes[(item.Key, culture)] = route;
        if (_children.TryGetValue(item.Key, out var children))
        {
            foreach (var childKey in children)
            {
                if (_items.TryGetValue(childKey, out var child))
                {
                    ComputeRoutes(child, root, culture);
                }
            }
        }
    }
}
