namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>Sort direction of a <see cref="SortOption"/>.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}
