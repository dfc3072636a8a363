using System.Text.Json;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Schema;

/// <summary>A property of a document, element or media type, as declared in <c>content-schema/</c>.</summary>
public sealed class PropertyType
{
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string EditorAlias { get; init; }
    public required IPropertyEditor Editor { get; init; }
    public bool Required { get; init; }
    /// <summary>Optional regular expression the (string form of the) value must match.</summary>
    public string? ValidationRegex { get; init; }
    public string? ValidationMessage { get; init; }
    /// <summary>True when the value is stored per culture; only meaningful on a type that varies by culture.</summary>
    public bool VariesByCulture { get; init; }
    /// <summary>The editor configuration (<c>"config"</c> object of the file); an empty object when absent.</summary>
    public JsonElement Config { get; init; }
    /// <summary>The group (tab) the property belongs to, for edit forms.</summary>
    public string Group { get; init; } = "";
}
