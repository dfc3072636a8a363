namespace PoleKnowledge.Cms.Search;

/// <summary>
/// A search: the query as typed (<see cref="Querying.SearchQueryParser"/> grammar), the culture, facet filters
/// (facet name → accepted values: values of one facet are alternatives, facets combine), order and page.
/// </summary>
public sealed record SearchRequest
{
    public const int MaxTake = 50;
    public const int MaxSkip = 10_000;

    public string? Query { get; init; }
    public required string Culture { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public SearchSort Sort { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 10;
    public bool IncludeFacets { get; init; } = true;
}
