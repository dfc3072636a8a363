using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying.Filters;

/// <summary>
/// <c>{prefix}:a,b</c> (any of) and <c>{prefix}:!a,b</c> (none of) on a keyword field: the engine's
/// <c>contentType:</c> and the extensions' taxonomy filters. <paramref name="lowerCase"/> lower-cases the
/// values for fields indexed lower-cased (taxonomy aliases), so <c>theme:Emploi</c> works; content type
/// aliases stay exact, as in Umbraco.
/// </summary>
public sealed class KeywordFilterHandler(string prefix, string fieldName, bool lowerCase = false) : IFilterHandler
{
    private readonly string _prefix = prefix + ":";

    public bool CanHandle(string query) => query.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase);

    public FilterOption BuildFilterOption(string filter, DeliveryQueryContext context)
    {
        var values = FilterValues.Split(filter[_prefix.Length..], out var negated);
        if (lowerCase)
        {
            values = [.. values.Select(v => v.ToLowerInvariant())];
        }
        return new FilterOption(fieldName, values, negated ? FilterOperation.IsNot : FilterOperation.Is);
    }

    /// <summary>The engine's <c>contentType:</c> filter.</summary>
    internal static KeywordFilterHandler ContentType() => new("contentType", ContentIndexFieldNames.ContentType);
}
