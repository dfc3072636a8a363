using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.MediaPicker3</c>: an array of <c>{key, mediaKey, focalPoint?, crops?}</c>; a bare media
/// reference is accepted for an item. Delivered as an array of media references (missing media dropped).
/// </summary>
internal sealed class MediaPicker3Editor : PropertyEditorBase
{
    private static readonly string[] ItemKeys = ["key", "mediaKey", "focalPoint", "crops"];

    public override string Alias => "Umbraco.MediaPicker3";

    public override bool ResolvesAtRequestTime => true;

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, "allowedTypes", "multiple", "minItems", "maxItems")
            .Concat(EditorConfig.Boolean(config, "multiple"))
            .Concat(EditorConfig.ItemCounts(config))
            .Concat(EditorConfig.KnownAliases(config, "allowedTypes", context.MediaTypeAliases, "media type"));

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        var result = new JsonArray();
        var errors = new List<string>();
        var items = EditorInput.AsList(value);
        for (var i = 0; i < items.Count; i++)
        {
            if (NormalizeItem(items[i], i, context, out var error) is { } item)
            {
                result.Add(item);
            }
            else
            {
                errors.Add($"[{i}]: {error}");
            }
        }
        // As in Umbraco, a media picker is single unless configured 'multiple' (it still delivers an array).
        var max = EditorConfig.GetBool(property.Config, "multiple") ? (long?)null : 1;
        if (errors.Count == 0 && ItemCount.Error(result.Count, property.Config, max) is { } countError)
        {
            errors.Add(countError);
        }
        return errors.Count > 0 ? PropertyValueResult.Fail(errors) : PropertyValueResult.Ok(result);
    }

    private static JsonObject? NormalizeItem(JsonNode? item, int index, PropertyValueContext context, out string? error)
    {
        error = null;
        var source = item as JsonObject;
        if (source?.FirstOrDefault(p => !ItemKeys.Contains(p.Key)) is { Key: { } unknown })
        {
            error = $"unknown key '{unknown}' (expected {string.Join(", ", ItemKeys)}).";
            return null;
        }
        var (mediaKey, referenceError) = ReferenceInput.Read(source is null ? item : source["mediaKey"], context, "media");
        if (mediaKey is null)
        {
            error = referenceError;
            return null;
        }
        Guid key;
        if (source?["key"] is { } givenKey)
        {
            if (!Guid.TryParse(EditorInput.AsText(givenKey), out key))
            {
                error = $"'key' must be a GUID, got {EditorInput.Describe(givenKey)}.";
                return null;
            }
        }
        else
        {
            // Derived rather than random so importing the same file twice stores the same value (no spurious change).
            key = Content.ContentKeys.FromImportKey($"media-picker:{mediaKey:D}:{index}");
        }
        var result = new JsonObject { ["key"] = key.ToString("D"), ["mediaKey"] = mediaKey.Value.ToString("D") };
        if (source?["focalPoint"] is { } focal)
        {
            if (!IsFocalPoint(focal))
            {
                error = $"'focalPoint' must be {{\"left\": 0..1, \"top\": 0..1}}, got {EditorInput.Describe(focal)}.";
                return null;
            }
            EditorInput.TryGetDecimal(focal["left"], out var left);
            EditorInput.TryGetDecimal(focal["top"], out var top);
            result["focalPoint"] = new JsonObject { ["left"] = left, ["top"] = top };
        }
        if (source?["crops"] is { } crops)
        {
            if (crops is not JsonArray array || array.Any(c => c is not JsonObject o || EditorInput.AsText(o["alias"]) is not { Length: > 0 }))
            {
                error = $"'crops' must be an array of objects with an 'alias', got {EditorInput.Describe(crops)}.";
                return null;
            }
            result["crops"] = crops.DeepClone();
        }
        return result;
    }

    private static bool IsFocalPoint(JsonNode focal) =>
        focal is JsonObject o && o.Count == 2 && InUnitRange(o["left"]) && InUnitRange(o["top"]);

    private static bool InUnitRange(JsonNode? node) =>
        EditorInput.TryGetDecimal(node, out var n) && n is >= 0 and <= 1;

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        stored.WriteTo(writer);

    public override void WriteResolved(Utf8JsonWriter writer, JsonElement published, PropertyType property, IDeliveryReferenceWriter references)
    {
        writer.WriteStartArray();
        if (published.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in published.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty("mediaKey", out var mediaKey)
                    && Guid.TryParse(mediaKey.GetString(), out var key))
                {
                    JsonElement? focal = item.TryGetProperty("focalPoint", out var f) ? f : null;
                    JsonElement? crops = item.TryGetProperty("crops", out var c) ? c : null;
                    references.TryWriteMedia(writer, key, focal, crops);
                }
            }
        }
        writer.WriteEndArray();
    }

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) => null;
}
