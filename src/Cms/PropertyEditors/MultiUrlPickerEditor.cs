using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Rendering;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.MultiUrlPicker</c>: an array of links, each to a content item, a media item or a URL.
/// URLs are limited to http, https, mailto, tel and site-relative paths: a <c>javascript:</c> link in a
/// CMS field is stored XSS. Delivered per Delivery API §4.9, dropping links whose target is gone.
/// </summary>
internal sealed class MultiUrlPickerEditor : PropertyEditorBase
{
    private const int MaxUrlLength = 2048;
    private const int MaxTitleLength = 512;
    private static readonly string[] LinkKeys = ["title", "name", "url", "contentKey", "mediaKey", "queryString", "target"];
    private static readonly string[] Targets = ["_blank", "_self", "_parent", "_top"];

    public override string Alias => "Umbraco.MultiUrlPicker";

    public override bool ResolvesAtRequestTime => true;

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, "minItems", "maxItems").Concat(EditorConfig.ItemCounts(config));

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
            var link = items[i] is JsonValue ? new JsonObject { ["url"] = items[i]!.DeepClone() } : items[i] as JsonObject;
            if (link is null)
            {
                errors.Add($"[{i}]: expected a link object {{title, url | contentKey | mediaKey, queryString?, target?}} or a URL, got {EditorInput.Describe(items[i])}.");
            }
            else if (NormalizeLink(link, context, out var error) is { } normalized)
            {
                result.Add(normalized);
            }
            else
            {
                errors.Add($"[{i}]: {error}");
            }
        }
        if (errors.Count == 0 && ItemCount.Error(result.Count, property.Config) is { } countError)
        {
            errors.Add(countError);
        }
        return errors.Count > 0 ? PropertyValueResult.Fail(errors) : PropertyValueResult.Ok(result);
    }

    private static JsonObject? NormalizeLink(JsonObject link, PropertyValueContext context, out string? error)
    {
        error = null;
        if (link.FirstOrDefault(p => !LinkKeys.Contains(p.Key)) is { Key: { } unknown })
        {
            error = $"unknown key '{unknown}' (expected {string.Join(", ", LinkKeys)}).";
            return null;
        }
        var targets = new[] { "url", "contentKey", "mediaKey" }.Where(k => !EditorInput.IsEmpty(link[k])).ToList();
        if (targets.Count != 1)
        {
            error = $"a link needs exactly one of 'url', 'contentKey' or 'mediaKey', got {(targets.Count == 0 ? "none" : string.Join(" and ", targets))}.";
            return null;
        }
        var result = new JsonObject();
        var title = EditorInput.AsText(link["title"] ?? link["name"])?.Trim();
        if (title is { Length: > MaxTitleLength })
        {
            error = $"'title' must be at most {MaxTitleLength} characters, got {title.Length}.";
            return null;
        }
        if (!string.IsNullOrEmpty(title))
        {
            result["title"] = title;
        }
        if (!AddTarget(link, targets[0], result, context, out error))
        {
            return null;
        }
        var query = EditorInput.AsText(link["queryString"])?.Trim();
        if (!string.IsNullOrEmpty(query))
        {
            result["queryString"] = query[0] is '?' or '#' ? query : "?" + query;
        }
        var target = EditorInput.AsText(link["target"])?.Trim();
        if (!string.IsNullOrEmpty(target))
        {
            if (!Targets.Contains(target))
            {
                error = $"'target' must be one of {string.Join(", ", Targets)}, got {EditorInput.Quote(target)}.";
                return null;
            }
            result["target"] = target;
        }
        return result;
    }

    private static bool AddTarget(JsonObject link, string kind, JsonObject result, PropertyValueContext context, out string? error)
    {
        error = null;
        if (kind == "url")
        {
            var url = EditorInput.AsText(link["url"])?.Trim() ?? "";
            if (url.Length > MaxUrlLength || !IsAllowedUrl(url))
            {
                error = $"'url' must be an http(s), mailto: or tel: URL or a path starting with '/', got {EditorInput.Describe(link["url"])}.";
                return false;
            }
            result["url"] = url;
            return true;
        }
        var (key, referenceError) = ReferenceInput.Read(link[kind], context, kind == "contentKey" ? "content" : "media");
        if (key is null)
        {
            error = $"'{kind}': {referenceError}";
            return false;
        }
        result[kind] = key.Value.ToString("D");
        return true;
    }

    private static bool IsAllowedUrl(string url) => UrlSchemes.SchemeOf(url) switch
    {
        "http" or "https" => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0,
        "mailto" or "tel" => url.IndexOf(':', StringComparison.Ordinal) < url.Length - 1,
        null => url.StartsWith('/'),
        _ => false,
    };

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        stored.WriteTo(writer);

    public override void WriteResolved(Utf8JsonWriter writer, JsonElement published, PropertyType property, IDeliveryReferenceWriter references)
    {
        writer.WriteStartArray();
        if (published.ValueKind == JsonValueKind.Array)
        {
            foreach (var link in published.EnumerateArray())
            {
                if (link.ValueKind == JsonValueKind.Object)
                {
                    WriteLink(writer, link, references);
                }
            }
        }
        writer.WriteEndArray();
    }

    private static void WriteLink(Utf8JsonWriter writer, JsonElement link, IDeliveryReferenceWriter references)
    {
        var title = GetString(link, "title");
        var query = GetString(link, "queryString");
        var target = GetString(link, "target");
        if (Guid.TryParse(GetString(link, "contentKey"), out var contentKey))
        {
            // The route goes in the middle of the object but decides whether the link exists at all,
            // so it is written to a side buffer first.
            var buffer = new ArrayBufferWriter<byte>();
            string contentType;
            string name;
            using (var routeWriter = new Utf8JsonWriter(buffer))
            {
                if (!references.TryWriteRoute(routeWriter, contentKey, out contentType, out name))
                {
                    return;
                }
            }
            WriteLinkObject(writer, null, query, title ?? name, target, contentKey, contentType, buffer.WrittenSpan, "Content");
        }
        else if (Guid.TryParse(GetString(link, "mediaKey"), out var mediaKey))
        {
            if (!TryReadMedia(references, mediaKey, out var url, out var mediaName, out var mediaType))
            {
                return;
            }
            WriteLinkObject(writer, url + query, query, title ?? mediaName, target, mediaKey, mediaType, default, "Media");
        }
        else if (GetString(link, "url") is { } url)
        {
            WriteLinkObject(writer, url + query, query, title, target, null, null, default, "External");
        }
    }

    // The reference writer has no "media name and type" call; its media object carries both.
    private static bool TryReadMedia(IDeliveryReferenceWriter references, Guid key, out string? url, out string? name, out string? mediaType)
    {
        url = name = mediaType = null;
        var buffer = new ArrayBufferWriter<byte>();
        using (var mediaWriter = new Utf8JsonWriter(buffer))
        {
            if (!references.TryWriteMedia(mediaWriter, key, null, null))
            {
                return false;
            }
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        name = GetString(document.RootElement, "name");
        mediaType = GetString(document.RootElement, "mediaType");
        url = GetString(document.RootElement, "url") ?? references.GetMediaUrl(key);
        return url is not null;
    }

    private static void WriteLinkObject(Utf8JsonWriter writer, string? url, string? query, string? title, string? target, Guid? id, string? type, ReadOnlySpan<byte> route, string linkType)
    {
        writer.WriteStartObject();
        writer.WriteString("url", url);
        writer.WriteString("queryString", query);
        writer.WriteString("title", title);
        writer.WriteString("target", target);
        if (id is { } key)
        {
            writer.WriteString("destinationId", key);
        }
        else
        {
            writer.WriteNull("destinationId");
        }
        writer.WriteString("destinationType", type);
        writer.WritePropertyName("route");
        if (route.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(route, skipInputValidation: true);
        }
        writer.WriteString("linkType", linkType);
        writer.WriteEndObject();
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) => null;
}
