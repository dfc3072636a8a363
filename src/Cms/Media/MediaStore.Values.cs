using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Media;

public sealed partial class MediaStore
{
    /// <summary>Merges the given properties into the stored ones, each through its editor; required ones must end up set.</summary>
    private string NormalizeProperties(MediaType type, string stored, IReadOnlyDictionary<string, JsonNode?> given, List<FieldError> errors)
    {
        var result = JsonNode.Parse(stored) as JsonObject ?? [];
        var context = new PropertyValueContext { Schema = _schema, Editors = _editors, Time = _time };
        foreach (var (alias, value) in given)
        {
            var property = type.Properties.FirstOrDefault(p => p.Alias == alias);
            if (property is null)
            {
                var known = type.Properties.Count == 0 ? "none" : string.Join(", ", type.Properties.Select(p => p.Alias));
                errors.Add(new FieldError(alias, $"Media type '{type.Alias}' has no property '{alias}' (known: {known})."));
                continue;
            }
            var normalized = property.Editor.Normalize(value?.DeepClone(), property, context);
            if (!normalized.IsValid)
            {
                errors.AddRange(normalized.Errors.Select(e => new FieldError(alias, e)));
            }
            else if (normalized.Value is null)
            {
                result.Remove(alias);
            }
            else
            {
                result[alias] = normalized.Value;
            }
        }
        foreach (var property in type.Properties.Where(p => p.Required && !result.ContainsKey(p.Alias) && !errors.Any(e => e.Field == p.Alias)))
        {
            errors.Add(new FieldError(property.Alias, property.Alias == "altText"
                ? "Alternative text is required for images: describe what the image shows for people who cannot see it."
                : $"'{property.Name}' ({property.Alias}) is required."));
        }
        return result.ToJsonString();
    }

    private static (decimal Left, decimal Top)? ParseFocalPoint(MediaWrite write, bool isImage, List<FieldError> errors)
    {
        if (!write.HasFocalPoint || write.FocalPoint is null)
        {
            return null;
        }
        if (!isImage)
        {
            errors.Add(new FieldError("focalPoint", "Only images have a focal point."));
            return null;
        }
        if (write.FocalPoint is JsonObject o && o.Count == 2
            && EditorInput.TryGetDecimal(o["left"], out var left) && EditorInput.TryGetDecimal(o["top"], out var top)
            && left is >= 0 and <= 1 && top is >= 0 and <= 1)
        {
            return (left, top);
        }
        if (EditorInput.AsText(write.FocalPoint) is { } text && text.Split(',') is [var l, var t]
            && decimal.TryParse(l, NumberStyles.Number, CultureInfo.InvariantCulture, out left)
            && decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out top)
            && left is >= 0 and <= 1 && top is >= 0 and <= 1)
        {
            return (left, top);
        }
        errors.Add(new FieldError("focalPoint", $"Expected {{\"left\": 0..1, \"top\": 0..1}} or \"left,top\", got {EditorInput.Describe(write.FocalPoint)}."));
        return null;
    }

    /// <summary>Crops in the Delivery API's shape, checked and re-serialised (so only known keys are stored).</summary>
    private static string? ParseCrops(MediaWrite write, bool isImage, List<FieldError> errors)
    {
        if (!write.HasCrops || write.Crops is null)
        {
            return null;
        }
        if (!isImage)
        {
            errors.Add(new FieldError("crops", "Only images have crops."));
            return null;
        }
        var node = write.Crops;
        if (EditorInput.AsText(node) is { } text)
        {
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                node = null;
            }
        }
        if (node is not JsonArray array)
        {
            errors.Add(new FieldError("crops", "Expected a JSON array of {alias, width, height, coordinates}."));
            return null;
        }
        var result = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject crop || EditorInput.AsText(crop["alias"]) is not { Length: > 0 } alias
                || !EditorInput.TryGetDecimal(crop["width"], out var width) || !EditorInput.TryGetDecimal(crop["height"], out var height)
                || width is <= 0 or > 10000 || height is <= 0 or > 10000 || width != decimal.Truncate(width) || height != decimal.Truncate(height))
            {
                errors.Add(new FieldError($"crops[{i}]", "Each crop needs an 'alias' and whole 'width' and 'height' from 1 to 10000."));
                continue;
            }
            JsonNode? coordinates = null;
            if (crop["coordinates"] is JsonObject c)
            {
                var values = new[] { "x1", "y1", "x2", "y2" }.Select(k => EditorInput.TryGetDecimal(c[k], out var v) && v is >= 0 and <= 1 ? v : (decimal?)null).ToArray();
                if (values.Any(v => v is null))
                {
                    errors.Add(new FieldError($"crops[{i}].coordinates", "Coordinates are x1, y1, x2, y2, each from 0 to 1 (the share cut from each side)."));
                    continue;
                }
                coordinates = new JsonObject { ["x1"] = values[0], ["y1"] = values[1], ["x2"] = values[2], ["y2"] = values[3] };
            }
            result.Add(new JsonObject { ["alias"] = alias, ["width"] = (int)width, ["height"] = (int)height, ["coordinates"] = coordinates });
        }
        return result.ToJsonString();
    }
}
