namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>Turns a <c>sort</c> value (<c>updateDate:desc</c>) into a sort option.</summary>
public interface ISortHandler
{
    bool CanHandle(string query);

    SortOption BuildSortOption(string sort, DeliveryQueryContext context);
}
