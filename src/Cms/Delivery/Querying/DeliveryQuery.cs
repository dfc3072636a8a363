namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>
/// A resolved content query, ready for an <see cref="IDeliveryQueryExecutor"/>. Implicit constraints
/// (published in <see cref="Culture"/>, allowed content types) are part of it; no sort means tree order.
/// </summary>
public sealed record DeliveryQuery(
    SelectorOption Selector,
    IReadOnlyList<FilterOption> Filters,
    IReadOnlyList<SortOption> Sorts,
    string Culture,
    int Skip,
    int Take,
    IReadOnlySet<string>? AllowedContentTypes = null,
    IReadOnlySet<string>? DisallowedContentTypes = null);
