using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// Every media item and folder in memory, by key and by parent in tree order. Written only by the
/// change-feed consumer (<see cref="PublishedMediaFeedSubscriber"/>); read by pickers, the Delivery API
/// and the media file endpoint with no database command.
/// </summary>
public sealed class PublishedMediaCache
{
    private static readonly Guid RootParent = Guid.Empty;
    private readonly ConcurrentDictionary<Guid, MediaItem> _items = new();
    private readonly ConcurrentDictionary<Guid, ImmutableArray<Guid>> _children = new();
    private long _position;

    /// <summary>The last change-feed sequence applied.</summary>
    public long Position => Interlocked.Read(ref _position);

    public int Count => _items.Count;

    public MediaItem? Get(Guid key) => _items.GetValueOrDefault(key);

    /// <summary>Children of a folder (or the root items) in tree order.</summary>
    public IEnumerable<MediaItem> ChildrenOf(Guid? parentKey)
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

    /// <summary>The Delivery API path: <c>/</c> + lower-cased names of the ancestors and the item + <c>/</c>.</summary>
    public string GetPath(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var names = new List<string>();
        for (var current = item; current is not null && names.Count < 100; current = current.ParentKey is { } parent ? Get(parent) : null)
        {
            names.Add(current.Name.ToLowerInvariant());
        }
        names.Reverse();
        return "/" + string.Join('/', names) + "/";
    }

    /// <summary>Walks the tree by names (case-insensitive): <c>/photos/coast/lighthouse/</c>. Empty path: null.</summary>
    public MediaItem? GetByPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        MediaItem? current = null;
        foreach (var segment in segments)
        {
            current = ChildrenOf(current?.Key).FirstOrDefault(c => string.Equals(c.Name, segment, StringComparison.OrdinalIgnoreCase));
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>Children of the folder a fetch names: <c>/</c> or nothing but slashes = root; a GUID; else a name path. Unknown: none.</summary>
    public IReadOnlyList<MediaItem> ChildrenOfReference(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Length == 0)
        {
            return [];
        }
        if (reference.Trim('/').Length == 0)
        {
            return [.. ChildrenOf(null)];
        }
        if (Guid.TryParse(reference, out var key))
        {
            return Get(key) is null ? [] : [.. ChildrenOf(key)];
        }
        return GetByPath(reference) is { } parent ? [.. ChildrenOf(parent.Key)] : [];
    }

    /// <summary>Replaces everything (start-up load).</summary>
    internal void Load(IEnumerable<MediaItem> items, long position)
    {
        _items.Clear();
        _children.Clear();
        foreach (var item in items)
        {
            _items[item.Key] = item;
        }
        foreach (var group in _items.Values.GroupBy(i => i.ParentKey ?? RootParent))
        {
            _children[group.Key] = [.. group.OrderBy(i => i.SortOrder).ThenBy(i => i.Key).Select(i => i.Key)];
        }
        Interlocked.Exchange(ref _position, position);
    }

    /// <summary>Applies the current state of changed items (null = deleted). Called by the single consumer thread.</summary>
    internal void Apply(IReadOnlyDictionary<Guid, MediaItem?> changes, long position)
    {
        var parents = new HashSet<Guid>();
        foreach (var (key, item) in changes)
        {
            if (_items.TryGetValue(key, out var previous))
            {
                parents.Add(previous.ParentKey ?? RootParent);
            }
            if (item is null)
            {
                _items.TryRemove(key, out _);
            }
            else
            {
                _items[key] = item;
                parents.Add(item.ParentKey ?? RootParent);
            }
        }
        foreach (var parent in parents)
        {
            var siblings = _children.GetValueOrDefault(parent, []).Select(k => _items.GetValueOrDefault(k))
                .Concat(changes.Values)
                .OfType<MediaItem>()
                .Where(i => (i.ParentKey ?? RootParent) == parent && _items.TryGetValue(i.Key, out var current) && ReferenceEquals(current, i))
                .DistinctBy(i => i.Key)
                .OrderBy(i => i.SortOrder).ThenBy(i => i.Key)
                .Select(i => i.Key);
            _children[parent] = [.. siblings];
        }
        Interlocked.Exchange(ref _position, position);
    }

    internal void AdvanceTo(long position) => Interlocked.Exchange(ref _position, Math.Max(Position, position));
}
