using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.ContentPicker</c>: one content key. Published as the key; delivered as the target's
/// reference object, or null when the target is not published (checked per request, since the target can
/// be unpublished without this item being republished).
/// </summary>
/// <remarks><c>allowedTypes</c> is checked at schema load but not on write: normalising a value needs no database.</remarks>
internal sealed class ContentPickerEditor : PropertyEditorBase
{
    public override string Alias => "Umbraco.ContentPicker";

    public override bool ResolvesAtRequestTime => true;

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, "allowedTypes")
            .Concat(EditorConfig.KnownAliases(config, "allowedTypes", context.DocumentTypeAliases, "document type"));

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        if (value is JsonArray { Count: 1 } single)
        {
            value = single[0];
        }
        var (key, error) = ReferenceInput.Read(value, context, "content");
        return key is { } k ? PropertyValueResult.Ok(JsonValue.Create(k.ToString("D"))) : PropertyValueResult.Fail(error!);
    }

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        stored.WriteTo(writer);

    public override void WriteResolved(Utf8JsonWriter writer, JsonElement published, PropertyType property, IDeliveryReferenceWriter references)
    {
        if (!(published.ValueKind == JsonValueKind.String && Guid.TryParse(published.GetString(), out var key) && references.TryWriteContent(writer, key)))
        {
            writer.WriteNullValue();
        }
    }

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) => null;
}
