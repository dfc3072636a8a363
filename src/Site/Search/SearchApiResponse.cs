using PoleKnowledge.Cms.Search;

namespace PoleKnowledge.Site.Search;

/// <summary>The JSON of <c>GET /api/search/v1</c> (search.openapi.json, schema <c>SearchResponse</c>).</summary>
internal sealed record SearchApiResponse(int Total, IReadOnlyList<SearchApiHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<SearchApiFacetValue>> Facets, string? CorrectedQuery)
{
    public static SearchApiResponse From(SearchResult result, string culture) => new(
        result.Total,
        [.. result.Hits.Select(h => new SearchApiHit(h.Key, h.ContentType, h.Name, Pages.PropertyDisplay.PublicUrl(h.Route, culture), h.Score, h.Snippet))],
        result.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<SearchApiFacetValue>)[.. f.Value.Select(v => new SearchApiFacetValue(v.Value, v.Label, v.Count))], StringComparer.Ordinal),
        result.CorrectedQuery);
}

internal sealed record SearchApiHit(Guid Id, string ContentType, string Name, string Route, float Score, string Snippet);

internal sealed record SearchApiFacetValue(string Value, string Label, int Count);
