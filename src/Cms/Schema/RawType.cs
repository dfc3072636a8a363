namespace PoleKnowledge.Cms.Schema;

/// <summary>A document, element or media type as read from its file, before compositions are resolved.</summary>
internal sealed class RawType
{
    public required SchemaFile File { get; init; }
    public required string Alias { get; init; }
    public required bool IsMedia { get; init; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Icon { get; set; }
    public bool IsElement { get; set; }
    public bool VariesByCulture { get; set; }
    public bool AllowedAtRoot { get; set; }
    public string? DefaultParent { get; set; }
    public List<(string Alias, string Path)> AllowedChildren { get; } = [];
    public List<(string Alias, string Path)> Compositions { get; } = [];
    public List<string> FileExtensions { get; } = [];
    public List<RawProperty> Properties { get; } = [];
    /// <summary>Compositions found unusable (unknown, media, in a cycle): skipped when flattening.</summary>
    public HashSet<string> BrokenCompositions { get; } = new(StringComparer.Ordinal);
}
