using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>What field providers may read while indexing an item.</summary>
public sealed class IndexingContext
{
    public required ContentSchema Schema { get; init; }
    public required PublishedContentCache Cache { get; init; }

    /// <summary>The index's own field instances, reused from item to item on this context's thread.</summary>
    internal ReusableFields Fields { get; } = new();
}
