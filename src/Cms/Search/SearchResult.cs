using PoleKnowledge.Cms.Search.Facets;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// A page of results, the total, facet counts (each facet counted with the filters of the other facets, so
/// values of a filtered facet stay offered), and a corrected query when a word of the query is unknown to
/// the index but a close spelling is and finds results.
/// </summary>
public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<SearchFacetValue>> Facets, string? CorrectedQuery);
