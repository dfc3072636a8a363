using System.Collections.Concurrent;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// The serialised plain (not expanded, not limited) item responses, per (item, culture), so the hot path
/// writes bytes instead of re-composing JSON. An entry remembers the <see cref="PublishedContentCache.Position"/>
/// it was built at and is only served while the position has not moved: pickers show routes and names of
/// OTHER items, so any applied batch may change any response. The position is read before rendering and the
/// cache moves it only after applying a batch, so an entry built during a batch is never served after it.
/// </summary>
internal sealed class DeliveryItemResponseCache(PublishedContentCache cache)
{
    // A bound on memory for hubs far larger than ours: past it the cache starts over.
    private const int MaxEntries = 10_000; // ~40 MB of JSON at most: hot items stay, a crawl does not double the process memory

    private readonly ConcurrentDictionary<(Guid Key, string Culture), (long Position, DeliveryPayload Payload)> _entries = new();

    public int Count => _entries.Count;

    public DeliveryPayload GetOrRender(Guid key, string culture, Func<byte[]> render)
    {
        var position = cache.Position;
        if (_entries.TryGetValue((key, culture), out var entry) && entry.Position == position)
        {
            return entry.Payload;
        }
        var payload = DeliveryPayload.From(render());
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[(key, culture)] = (position, payload);
        return payload;
    }

    /// <summary>Drops every entry (on each applied batch: frees memory early; correctness comes from the position check).</summary>
    public void Clear() => _entries.Clear();
}
