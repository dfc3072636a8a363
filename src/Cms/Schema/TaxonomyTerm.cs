namespace PoleKnowledge.Cms.Schema;

/// <summary>A term of a taxonomy: a stable alias (stored in content), a French label and optional English label.</summary>
public sealed record TaxonomyTerm(string Alias, string Label, string? LabelEn = null, string? Description = null, string? Code = null)
{
    public string LabelFor(string culture) =>
        culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) && LabelEn is not null ? LabelEn : Label;
}
