using System.Text.Json;
using PoleKnowledge.Cms.PropertyEditors;

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
    public List<(string Alias, string Path)> AllowedChildren { get; } = [];
    public List<(string Alias, string Path)> Compositions { get; } = [];
    public List<string> FileExtensions { get; } = [];
    public List<RawProperty> Properties { get; } = [];
    /// <summary>Compositions found unusable (unknown, media, in a cycle): skipped when flattening.</summary>
    public HashSet<string> BrokenCompositions { get; } = new(StringComparer.Ordinal);
}

/// <summary>A property as declared in a type file.</summary>
internal sealed class RawProperty
{
    public required RawType Owner { get; init; }
    public required string Path { get; init; }
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string EditorAlias { get; init; }
    public IPropertyEditor? Editor { get; init; }
    public bool Required { get; init; }
    public bool VariesByCulture { get; init; }
    public string? Regex { get; init; }
    public string? RegexMessage { get; init; }
    public JsonElement Config { get; init; }
    public string Group { get; init; } = "";
}
