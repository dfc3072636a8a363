using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying.Sorts;

/// <summary>
/// <c>{prefix}:asc|desc</c> on a sortable index field. Divergence from Umbraco, documented: the direction is
/// ascending when it starts with <c>asc</c> in any case (Umbraco takes <c>ASC</c> as descending); anything
/// else is descending, as in Umbraco. <c>name</c> without a colon is not a sort (400, as in Umbraco).
/// </summary>
public sealed class FieldSortHandler(string prefix, string fieldName) : ISortHandler
{
    private readonly string _prefix = prefix + ":";

    public bool CanHandle(string query) => query.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase);

    public SortOption BuildSortOption(string sort, DeliveryQueryContext context) =>
        new(fieldName, sort[_prefix.Length..].Trim().StartsWith("asc", StringComparison.OrdinalIgnoreCase) ? SortDirection.Ascending : SortDirection.Descending);

    /// <summary>The engine's sorts: name, createDate, updateDate, level, sortOrder.</summary>
    internal static IEnumerable<FieldSortHandler> BuiltIn() =>
    [
        new("name", ContentIndexFieldNames.Name),
        new("createDate", ContentIndexFieldNames.CreateDate),
        new("updateDate", ContentIndexFieldNames.UpdateDate),
        new("level", ContentIndexFieldNames.Level),
        new("sortOrder", ContentIndexFieldNames.SortOrder),
    ];
}
