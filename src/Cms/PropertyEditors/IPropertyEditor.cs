using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// A property editor: the one place that knows how values of one editor alias (<c>Umbraco.TextBox</c>…)
/// are validated, stored and delivered. Extensions add editors through <see cref="PropertyEditorCollection"/>.
/// Three moments of a value's life:
/// <list type="number">
/// <item><see cref="Normalize"/> on every write (import, management API, back office): validates the
/// incoming value and returns the canonical stored form, or field errors.</item>
/// <item><see cref="Publish"/> once at publish: the delivery JSON of the value, computed once and kept as
/// bytes (Markdown is rendered here, never per request).</item>
/// <item><see cref="WriteResolved"/> per request, only for editors whose output depends on other items
/// (pickers: the target's route and name can change without this item being republished).</item>
/// </list>
/// </summary>
public interface IPropertyEditor
{
    string Alias { get; }

    /// <summary>True when the published form holds references that must be resolved per request.</summary>
    bool ResolvesAtRequestTime { get; }

    /// <summary>Checks the <c>config</c> object of a property at schema load. Paths are relative to the config object (e.g. <c>.taxonomy</c>).</summary>
    IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context);

    /// <summary>Validates an incoming value and returns its canonical stored form (null = empty).</summary>
    PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context);

    /// <summary>
    /// Writes the published form of a stored value (never called with an empty value: empty values publish as JSON null).
    /// For editors that do not resolve at request time this is the final Delivery API value.
    /// </summary>
    void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context);

    /// <summary>Writes the Delivery API value from the published form, resolving references. Only called when <see cref="ResolvesAtRequestTime"/>.</summary>
    void WriteResolved(Utf8JsonWriter writer, JsonElement published, PropertyType property, IDeliveryReferenceWriter references);

    /// <summary>Plain text for full-text indexing and page previews (null when the editor has none).</summary>
    string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema);
}
