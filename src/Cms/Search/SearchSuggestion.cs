namespace PoleKnowledge.Cms.Search;

/// <summary>A type-ahead suggestion: an item (<see cref="Route"/> set) or a taxonomy term (<see cref="Facet"/> and <see cref="Value"/> set, to filter by it).</summary>
public sealed record SearchSuggestion(string Label, string? Route = null, string? Facet = null, string? Value = null);
