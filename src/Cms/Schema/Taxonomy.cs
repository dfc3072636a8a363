namespace PoleKnowledge.Cms.Schema;

/// <summary>A closed list of terms (missions, priorities, themes, communes…) that tags and lists bind to.</summary>
public sealed class Taxonomy
{
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<TaxonomyTerm> Terms { get; init; } = [];
    public string SourceFile { get; init; } = "";

    /// <summary>Finds a term by alias, or by label ignoring case and accents (what an importer types).</summary>
    public TaxonomyTerm? Find(string aliasOrLabel)
    {
        foreach (var term in Terms)
        {
            if (string.Equals(term.Alias, aliasOrLabel, StringComparison.OrdinalIgnoreCase))
            {
                return term;
            }
        }
        var wanted = Content.UrlSegmentBuilder.Build(aliasOrLabel);
        foreach (var term in Terms)
        {
            if (Content.UrlSegmentBuilder.Build(term.Label) == wanted || (term.LabelEn is { } en && Content.UrlSegmentBuilder.Build(en) == wanted))
            {
                return term;
            }
        }
        return null;
    }
}
