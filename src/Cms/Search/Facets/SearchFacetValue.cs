namespace PoleKnowledge.Cms.Search.Facets;

/// <summary>One value of a facet with its label in the request's culture and its number of hits.</summary>
public sealed record SearchFacetValue(string Value, string Label, int Count);
