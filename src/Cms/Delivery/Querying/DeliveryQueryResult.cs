namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>The total number of matches and the keys of the requested page, in order.</summary>
public sealed record DeliveryQueryResult(long Total, IReadOnlyList<Guid> Keys);
