namespace PoleKnowledge.Extensions.Delivery;

/// <summary>The pôle's index fields: the filter and sort prefixes of the Delivery API and the properties they read.</summary>
internal static class PoleIndexFields
{
    /// <summary>Keyword filters: field (= filter prefix) → property aliases read (the first found on the item's type).</summary>
    public static readonly (string Field, string[] Properties)[] Keywords =
    [
        ("theme", ["themes"]),
        ("mission", ["missions"]),
        ("priority", ["priorities"]),
        ("audience", ["audiences"]),
        ("resourceType", ["resourceType"]),
        ("legalForm", ["legalForm", "eligibleLegalForms"]),
        ("commune", ["commune"]),
        ("groupStatus", ["status"]),
        ("modality", ["modality"]),
        // A working group's outputs (content keys): filter=output:{resource id} finds the group that produced a resource.
        ("output", ["outputs"]),
    ];

    /// <summary>One date per item for <c>sort=date:</c>: a resource's date, an event's start, a funding scheme's deadline.</summary>
    public const string Date = "date";
    public static readonly string[] DateProperties = ["date", "start", "deadline"];

    /// <summary>The name lower-cased and folded in the culture's rules, for <c>sort=title:</c>.</summary>
    public const string Title = "title";
}
