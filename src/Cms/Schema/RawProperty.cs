using System.Text.Json;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Schema;

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
