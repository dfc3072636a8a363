using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// Defaults shared by the built-in editors so each one only states what differs: no configuration
/// checks, no request-time resolution, and the stored string as index text.
/// </summary>
internal abstract class PropertyEditorBase : IPropertyEditor
{
    public abstract string Alias { get; }

    public virtual bool ResolvesAtRequestTime => false;

    public virtual IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) => [];

    public abstract PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context);

    public abstract void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context);

    // Only pickers resolve at request time; for the others the published bytes are already final, so
    // copying them keeps the method total instead of throwing on a misrouted call.
    public virtual void WriteResolved(Utf8JsonWriter writer, JsonElement published, PropertyType property, IDeliveryReferenceWriter references) =>
        published.WriteTo(writer);

    public virtual string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) =>
        stored.ValueKind == JsonValueKind.String ? stored.GetString() : null;
}
