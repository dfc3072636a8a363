namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>A filter on an index field: values are OR-ed, filters of one query are AND-ed.</summary>
public sealed record FilterOption(string FieldName, IReadOnlyList<string> Values, FilterOperation Operator);
