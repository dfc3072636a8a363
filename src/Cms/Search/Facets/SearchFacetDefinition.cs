namespace PoleKnowledge.Cms.Search.Facets;

/// <summary>
/// A facet of the search: its public name (the <c>filter=</c> prefix and the key in the response), the keyword
/// field of the content index it counts (multi-valued keywords carry <c>SortedSetDocValues</c>), how a value
/// reads in a culture (a taxonomy label, a content type name), and, for closed lists, the values that
/// type-ahead may suggest. Register as a singleton; registration order is display order.
/// </summary>
public sealed record SearchFacetDefinition(string Name, string Field, Func<string, string, string> Label, IReadOnlyList<string>? Values = null, bool SortByValueDescending = false);
