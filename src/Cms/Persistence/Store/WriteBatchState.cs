using PoleKnowledge.Cms.Persistence.Entities;

namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>
/// What a batch of writes (an import) may remember between writes to save queries: parents by route and
/// the next free sort order per parent. Dropped whenever a write moves or renames an existing item, since
/// that can change routes.
/// </summary>
internal sealed class WriteBatchState
{
    public Dictionary<string, ContentNodeEntity> Parents { get; } = new(StringComparer.Ordinal);
    public Dictionary<Guid, int> NextSortOrder { get; } = [];

    /// <summary>True when callers only need the status (imports): the store skips reloading the item's view.</summary>
    public bool Lightweight { get; init; }

    public void Forget()
    {
        Parents.Clear();
        NextSortOrder.Clear();
    }
}
