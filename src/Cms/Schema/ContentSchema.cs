namespace PoleKnowledge.Cms.Schema;

/// <summary>The whole content model loaded from <c>content-schema/</c>: immutable once loaded.</summary>
public sealed class ContentSchema
{
    public required IReadOnlyDictionary<string, DocumentType> DocumentTypes { get; init; }
    public required IReadOnlyDictionary<string, Taxonomy> Taxonomies { get; init; }
    public required IReadOnlyDictionary<string, MediaType> MediaTypes { get; init; }
    /// <summary>Cultures content may be written in, the default first (<c>fr-FR</c>, then <c>en-US</c>).</summary>
    public required IReadOnlyList<string> Cultures { get; init; }
    public string DefaultCulture => Cultures[0];

    public DocumentType? GetDocumentType(string alias) => DocumentTypes.GetValueOrDefault(alias);
    public Taxonomy? GetTaxonomy(string alias) => Taxonomies.GetValueOrDefault(alias);
    public MediaType? GetMediaType(string alias) => MediaTypes.GetValueOrDefault(alias);

    public bool IsKnownCulture(string culture)
    {
        foreach (var known in Cultures)
        {
            if (string.Equals(known, culture, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
