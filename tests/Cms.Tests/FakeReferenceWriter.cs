using System.Text.Json;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Tests;

/// <summary>A published cache in a dictionary: content items by key (type, name, path) and media by key.</summary>
internal sealed class FakeReferenceWriter : IDeliveryReferenceWriter
{
    public Dictionary<Guid, (string Type, string Name, string Path)> Content { get; } = [];

    public Dictionary<Guid, (string Name, string Type, string Url)> Media { get; } = [];

    public string Culture => "fr-FR";

    public bool TryWriteContent(Utf8JsonWriter writer, Guid key)
    {
        if (!Content.TryGetValue(key, out var item))
        {
            return false;
        }
        writer.WriteStartObject();
        writer.WriteString("contentType", item.Type);
        writer.WriteString("name", item.Name);
        writer.WritePropertyName("route");
        TryWriteRoute(writer, key, out _, out _);
        writer.WriteString("id", key);
        writer.WriteStartObject("properties");
        writer.WriteEndObject();
        writer.WriteEndObject();
        return true;
    }

    public bool TryWriteMedia(Utf8JsonWriter writer, Guid key, JsonElement? focalPoint, JsonElement? crops)
    {
        if (!Media.TryGetValue(key, out var item))
        {
            return false;
        }
        writer.WriteStartObject();
        writer.WritePropertyName("focalPoint");
        if (focalPoint is { } f)
        {
            f.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
        writer.WriteString("id", key);
        writer.WriteString("name", item.Name);
        writer.WriteString("mediaType", item.Type);
        writer.WriteString("url", item.Url);
        writer.WriteEndObject();
        return true;
    }

    public bool TryWriteRoute(Utf8JsonWriter writer, Guid key, out string contentType, out string name)
    {
        if (!Content.TryGetValue(key, out var item))
        {
            contentType = name = "";
            return false;
        }
        contentType = item.Type;
        name = item.Name;
        writer.WriteStartObject();
        writer.WriteString("path", item.Path);
        writer.WriteNull("queryString");
        writer.WriteEndObject();
        return true;
    }

    public string? GetMediaUrl(Guid key) => Media.TryGetValue(key, out var item) ? item.Url : null;
}
