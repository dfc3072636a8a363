using System.Text.Json;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

internal sealed partial class BlockListEditor
{
    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var item in Items(stored))
        {
            // A block whose element type left the schema is dropped rather than delivered half-typed.
            if (ElementType(item, context.Schema) is not { } type)
            {
                continue;
            }
            writer.WriteStartObject();
            writer.WritePropertyName("content");
            WritePublishedElement(writer, type, item, context);
            writer.WritePropertyName("settings");
            if (item.TryGetProperty("settings", out var settings) && ElementType(settings, context.Schema) is { } settingsType)
            {
                WritePublishedElement(writer, settingsType, settings, context);
            }
            else
            {
                writer.WriteNullValue();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static DocumentType? ElementType(JsonElement element, ContentSchema schema) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("contentType", out var alias) && alias.ValueKind == JsonValueKind.String
            ? schema.GetDocumentType(alias.GetString()!)
            : null;

    private static void WritePublishedElement(Utf8JsonWriter writer, DocumentType type, JsonElement element, PropertyPublishContext context)
    {
        var values = element.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
        writer.WriteStartObject();
        writer.WriteString("contentType", type.Alias);
        writer.WriteString("id", element.TryGetProperty("key", out var key) ? key.GetString() : null);
        writer.WriteStartObject("properties");
        var resolving = new List<PropertyType>();
        foreach (var property in type.Properties)
        {
            JsonElement? value = values.ValueKind == JsonValueKind.Object && values.TryGetProperty(property.Alias, out var found) ? found : null;
            writer.WritePropertyName(property.Alias);
            PropertyValueNormalizer.WritePublished(writer, property, value, context);
            if (property.Editor.ResolvesAtRequestTime && !EditorInput.IsEmpty(value))
            {
                resolving.Add(property);
            }
        }
        writer.WriteEndObject();
        if (resolving.Count > 0)
        {
            writer.WriteStartObject("resolve");
            foreach (var property in resolving)
            {
                writer.WriteStartObject(property.Alias);
                writer.WriteString("editor", property.EditorAlias);
                writer.WritePropertyName("config");
                if (property.Config.ValueKind == JsonValueKind.Object)
                {
                    property.Config.WriteTo(writer);
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public override void WriteResolved(Utf8JsonWriter writer, JsonElement published, PropertyType property, IDeliveryReferenceWriter references)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var item in Items(published))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("content");
            WriteResolvedElement(writer, item.GetProperty("content"), references);
            writer.WritePropertyName("settings");
            if (item.TryGetProperty("settings", out var settings) && settings.ValueKind == JsonValueKind.Object)
            {
                WriteResolvedElement(writer, settings, references);
            }
            else
            {
                writer.WriteNullValue();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteResolvedElement(Utf8JsonWriter writer, JsonElement element, IDeliveryReferenceWriter references)
    {
        var resolve = element.TryGetProperty("resolve", out var r) ? r : default;
        writer.WriteStartObject();
        writer.WritePropertyName("contentType");
        element.GetProperty("contentType").WriteTo(writer);
        writer.WritePropertyName("id");
        element.GetProperty("id").WriteTo(writer);
        writer.WriteStartObject("properties");
        foreach (var value in element.GetProperty("properties").EnumerateObject())
        {
            // `fields` below a block property limits the properties of its content and settings elements alike.
            if (!references.IncludesProperty(value.Name))
            {
                continue;
            }
            writer.WritePropertyName(value.Name);
            if (resolve.ValueKind == JsonValueKind.Object
                && resolve.TryGetProperty(value.Name, out var how)
                && how.GetProperty("editor").GetString() is { } editorAlias
                && _editors?.Find(editorAlias) is { } editor)
            {
                var nested = new PropertyType
                {
                    Alias = value.Name,
                    Name = value.Name,
                    EditorAlias = editorAlias,
                    Editor = editor,
                    Config = how.GetProperty("config"),
                };
                editor.WriteResolved(writer, value.Value, nested, references.ForProperty(value.Name));
            }
            else
            {
                value.Value.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
