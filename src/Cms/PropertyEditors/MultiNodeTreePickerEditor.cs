using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.MultiNodeTreePicker</c>: an ordered array of content (or media, with <c>type: media</c>) keys,
/// delivered as an array of references with the missing targets dropped.
/// </summary>
internal sealed class MultiNodeTreePickerEditor : PropertyEditorBase
{
    public override string Alias => "Umbraco.MultiNodeTreePicker";

    public override bool ResolvesAtRequestTime => true;

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context)
    {
        foreach (var problem in EditorConfig.UnknownKeys(config, Alias, "type", "allowedTypes", "minItems", "maxItems").Concat(EditorConfig.ItemCounts(config)))
        {
            yield return problem;
        }
        var type = EditorConfig.Get(config, "type");
        if (type is { } t && !(t.ValueKind == JsonValueKind.String && t.GetString() is "content" or "media"))
        {
            yield return (".type", $"'type' must be \"content\" or \"media\", got {EditorInput.Truncate(t.GetRawText())}.");
            yield break;
        }
        var media = type?.GetString() == "media";
        foreach (var problem in EditorConfig.KnownAliases(config, "allowedTypes", media ? context.MediaTypeAliases : context.DocumentTypeAliases, media ? "media type" : "document type"))
        {
            yield return problem;
        }
    }

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        var kind = IsMedia(property) ? "media" : "content";
        var keys = new List<Guid>();
        var errors = new List<string>();
        var items = EditorInput.AsList(value);
        for (var i = 0; i < items.Count; i++)
        {
            var (key, error) = ReferenceInput.Read(items[i], context, kind);
            if (error is not null)
            {
                errors.Add($"[{i}]: {error}");
            }
            else if (!keys.Contains(key!.Value))
            {
                keys.Add(key.Value);
            }
        }
        if (errors.Count == 0 && ItemCount.Error(keys.Count, property.Config) is { } countError)
        {
            errors.Add(countError);
        }
        return errors.Count > 0
            ? PropertyValueResult.Fail(errors)
            : PropertyValueResult.Ok(new JsonArray([.. keys.Select(k => (JsonNode?)JsonValue.Create(k.ToString("D")))]));
    }

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        stored.WriteTo(writer);

    public override void WriteResolved(Utf8JsonWriter writer, JsonElement published, PropertyType property, IDeliveryReferenceWriter references)
    {
        var media = IsMedia(property);
        writer.WriteStartArray();
        if (published.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in published.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && Guid.TryParse(item.GetString(), out var key))
                {
                    _ = media ? references.TryWriteMedia(writer, key, null, null) : references.TryWriteContent(writer, key);
                }
            }
        }
        writer.WriteEndArray();
    }

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) => null;

    private static bool IsMedia(PropertyType property) => EditorConfig.GetString(property.Config, "type") == "media";
}
