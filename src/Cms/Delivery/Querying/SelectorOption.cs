namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>Which items a query starts from: items whose index field <see cref="FieldName"/> holds one of <see cref="Values"/>.</summary>
public sealed record SelectorOption(string FieldName, IReadOnlyList<string> Values);
