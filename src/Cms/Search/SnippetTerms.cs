namespace PoleKnowledge.Cms.Search;

/// <summary>The words to mark in a snippet: light stems (<see cref="Analysis.SearchLanguage.NormalizeWord"/>) and Snowball stems (<see cref="Analysis.SearchLanguage.NormalizeMorphology"/>).</summary>
public sealed record SnippetTerms(IReadOnlySet<string> Light, IReadOnlySet<string> Morphology)
{
    public static SnippetTerms None { get; } = new(new HashSet<string>(), new HashSet<string>());

    public bool IsEmpty => Light.Count == 0 && Morphology.Count == 0;
}
