using System.Text.Json;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// Writes media as the Delivery API v2 shows them. Media endpoints: <c>path, createDate, updateDate,
/// focalPoint, crops, id, name, mediaType, url, extension, width, height, bytes, properties</c>; a media
/// picker's reference: the same from <c>focalPoint</c> on, with the picker's own focal point and crops when
/// it has them and <c>properties: {}</c> (unexpanded). <c>mediaType</c> is the alias of
/// <c>content-schema/media-types</c> (<c>image</c>, <c>file</c>, <c>folder</c>) where Umbraco writes
/// <c>Image</c>, <c>File</c>, <c>Folder</c>: our aliases are camelCase like document types.
/// </summary>
public static class DeliveryMediaWriter
{
    /// <summary>A media item for the media endpoints.</summary>
    public static void WriteItem(Utf8JsonWriter writer, PublishedMediaCache cache, MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(item);
        writer.WriteStartObject();
        writer.WriteString("path", cache.GetPath(item));
        DeliveryJson.WriteDate(writer, "createDate", item.CreateDate);
        DeliveryJson.WriteDate(writer, "updateDate", item.UpdateDate);
        WriteBody(writer, item, null, null, properties: true);
        writer.WriteEndObject();
    }

    /// <summary>A media reference inside a property (media picker).</summary>
    public static void WriteReference(Utf8JsonWriter writer, MediaItem item, JsonElement? focalPoint, JsonElement? crops)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        writer.WriteStartObject();
        WriteBody(writer, item, focalPoint, crops, properties: false);
        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, MediaItem item, JsonElement? focalPoint, JsonElement? crops, bool properties)
    {
        writer.WritePropertyName("focalPoint");
        if (focalPoint is { ValueKind: JsonValueKind.Object } pickedFocal)
        {
            pickedFocal.WriteTo(writer);
        }
        else if (item.FocalLeft is { } left && item.FocalTop is { } top)
        {
            writer.WriteStartObject();
            writer.WriteNumber("left", left);
            writer.WriteNumber("top", top);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }
        writer.WritePropertyName("crops");
        if (crops is { ValueKind: JsonValueKind.Array } pickedCrops)
        {
            pickedCrops.WriteTo(writer);
        }
        else if (item.Crops is { Length: > 0 } stored)
        {
            writer.WriteRawValue(stored, skipInputValidation: true);
        }
        else if (item.IsFolder)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
        }
        DeliveryJson.WriteKey(writer, "id", item.Key);
        writer.WriteString("name", item.Name);
        writer.WriteString("mediaType", item.MediaType);
        writer.WriteString("url", item.Url);
        WriteNullable(writer, "extension", item.Extension);
        WriteNullable(writer, "width", item.Width);
        WriteNullable(writer, "height", item.Height);
        WriteNullable(writer, "bytes", item.Bytes);
        writer.WritePropertyName("properties");
        if (properties)
        {
            writer.WriteRawValue(item.Properties, skipInputValidation: true);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
