using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

internal sealed partial class BlockListEditor
{
    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        // A bare array of blocks is accepted as shorthand for {items: [...]}.
        var items = value switch
        {
            JsonArray array => array,
            JsonObject { Count: 1 } o when o["items"] is JsonArray array => array,
            _ => null,
        };
        if (items is null)
        {
            return PropertyValueResult.Fail($"Expected {{\"items\": [blocks]}} or an array of blocks, got {EditorInput.Describe(value)}.");
        }
        var blocks = ReadBlocks(property.Config);
        var errors = new List<string>();
        var result = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            if (NormalizeItem(items[i], $"items[{i}]", blocks, context, errors) is { } item)
            {
                result.Add(item);
            }
        }
        if (errors.Count == 0 && ItemCount.Error(result.Count, property.Config) is { } countError)
        {
            errors.Add(countError);
        }
        if (errors.Count > 0)
        {
            return PropertyValueResult.Fail(errors);
        }
        return result.Count == 0 ? PropertyValueResult.Empty : PropertyValueResult.Ok(new JsonObject { ["items"] = result });
    }

    private static JsonObject? NormalizeItem(JsonNode? node, string path, IReadOnlyList<(string Content, string? Settings)> blocks, PropertyValueContext context, List<string> errors)
    {
        if (node is not JsonObject item)
        {
            errors.Add($"{path}: expected a block object {{contentType, key?, values, settings?}}, got {EditorInput.Describe(node)}.");
            return null;
        }
        if (!CheckKeys(item, path, ItemKeys, errors))
        {
            return null;
        }
        var contentType = EditorInput.AsText(item["contentType"]);
        var block = blocks.FirstOrDefault(b => b.Content == contentType);
        if (block.Content is null)
        {
            errors.Add($"{path}.contentType: expected one of the block types allowed here ({string.Join(", ", blocks.Select(b => b.Content))}), got {EditorInput.Describe(item["contentType"])}.");
            return null;
        }
        var content = NormalizeElement(block.Content, item, path, context, errors);
        JsonNode? settings = null;
        if (!EditorInput.IsEmpty(item["settings"]))
        {
            settings = NormalizeSettings(item["settings"], block, $"{path}.settings", context, errors);
        }
        if (content is null)
        {
            return null;
        }
        content["settings"] = settings;
        return content;
    }

    private static JsonObject? NormalizeSettings(JsonNode? node, (string Content, string? Settings) block, string path, PropertyValueContext context, List<string> errors)
    {
        if (block.Settings is null)
        {
            errors.Add($"{path}: blocks of type '{block.Content}' take no settings.");
            return null;
        }
        if (node is not JsonObject settings)
        {
            errors.Add($"{path}: expected a settings object {{contentType?, key?, values}}, got {EditorInput.Describe(node)}.");
            return null;
        }
        if (!CheckKeys(settings, path, SettingsKeys, errors))
        {
            return null;
        }
        if (EditorInput.AsText(settings["contentType"]) is { } given && given != block.Settings)
        {
            errors.Add($"{path}.contentType: expected '{block.Settings}', got {EditorInput.Quote(given)}.");
            return null;
        }
        var result = NormalizeElement(block.Settings, settings, path, context, errors);
        result?.Remove("settings");
        return result;
    }

    /// <summary>{contentType, key, values} of one element, its values checked by the element type's editors.</summary>
    private static JsonObject? NormalizeElement(string typeAlias, JsonObject element, string path, PropertyValueContext context, List<string> errors)
    {
        if (context.Schema.GetDocumentType(typeAlias) is not { IsElement: true } type)
        {
            errors.Add($"{path}: element type '{typeAlias}' does not exist in the schema.");
            return null;
        }
        var key = ReadKey(element["key"], $"{path}.key", errors);
        var given = element["values"];
        if (given is not null and not JsonObject)
        {
            errors.Add($"{path}.values: expected an object of property values, got {EditorInput.Describe(given)}.");
            return null;
        }
        var before = errors.Count;
        var errored = new HashSet<string>(StringComparer.Ordinal);
        var values = PropertyValueNormalizer.Normalize(type.Properties, $"element type '{type.Alias}'", (JsonObject?)given ?? [], context, (alias, message) =>
        {
            errored.Add(alias);
            errors.Add($"{path}.values.{alias}: {message}");
        });
        foreach (var (alias, message) in PropertyValueNormalizer.MissingRequired(type.Properties.Where(p => !errored.Contains(p.Alias)), p => values[p.Alias]))
        {
            errors.Add($"{path}.values.{alias}: {message}");
        }
        if (key is null || errors.Count > before)
        {
            return null;
        }
        return new JsonObject { ["contentType"] = type.Alias, ["key"] = key.Value.ToString("D"), ["values"] = values };
    }

    private static Guid? ReadKey(JsonNode? node, string path, List<string> errors)
    {
        if (EditorInput.IsEmpty(node))
        {
            // A new block: its key only needs to be unique, and the value returned by the API carries it from then on.
            return Guid.NewGuid();
        }
        var text = EditorInput.AsText(node)?.Trim();
        if (text is null || text.Any(char.IsWhiteSpace))
        {
            errors.Add($"{path}: expected a GUID or an import key, got {EditorInput.Describe(node)}.");
            return null;
        }
        return Content.ContentKeys.Parse(text);
    }

    private static bool CheckKeys(JsonObject item, string path, string[] known, List<string> errors)
    {
        var unknown = item.Select(p => p.Key).Where(k => !known.Contains(k)).ToList();
        foreach (var key in unknown)
        {
            errors.Add($"{path}: unknown key '{key}' (expected {string.Join(", ", known)}).");
        }
        return unknown.Count == 0;
    }

    private static List<(string Content, string? Settings)> ReadBlocks(JsonElement config)
    {
        var result = new List<(string, string?)>();
        if (EditorConfig.Get(config, "blocks") is { ValueKind: JsonValueKind.Array } blocks)
        {
            foreach (var block in blocks.EnumerateArray())
            {
                if (EditorConfig.GetString(block, "contentElementType") is { } content)
                {
                    result.Add((content, EditorConfig.GetString(block, "settingsElementType")));
                }
            }
        }
        return result;
    }
}
