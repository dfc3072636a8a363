namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>Turns a <c>filter</c> value (<c>contentType:resource</c>, <c>theme:benevolat</c>) into a filter option.</summary>
public interface IFilterHandler
{
    bool CanHandle(string query);

    FilterOption BuildFilterOption(string filter, DeliveryQueryContext context);
}
