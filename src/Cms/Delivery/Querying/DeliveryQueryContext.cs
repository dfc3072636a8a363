using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>What handlers may consult while building options: the request culture, the start item, the published cache, the schema.</summary>
public sealed class DeliveryQueryContext
{
    public required string Culture { get; init; }
    /// <summary>The start item (root) the request is scoped to; null = the default root.</summary>
    public Guid? StartItem { get; init; }
    public required PublishedContentCache Cache { get; init; }
    public required ContentSchema Schema { get; init; }
}
