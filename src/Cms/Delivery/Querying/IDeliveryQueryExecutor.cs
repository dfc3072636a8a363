namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>Runs a <see cref="DeliveryQuery"/> (on the Lucene index). Matches and ranks only; items are rendered from the published cache.</summary>
public interface IDeliveryQueryExecutor
{
    DeliveryQueryResult Execute(DeliveryQuery query);
}
