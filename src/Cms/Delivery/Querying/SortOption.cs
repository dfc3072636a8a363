namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>A sort on an index field; several apply in order (the first is the primary key).</summary>
public sealed record SortOption(string FieldName, SortDirection Direction);
