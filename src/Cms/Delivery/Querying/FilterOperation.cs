namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>How a filter compares a field with its values (Umbraco's FilterOperation).</summary>
public enum FilterOperation
{
    Is,
    IsNot,
    Contains,
    DoesNotContain,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
