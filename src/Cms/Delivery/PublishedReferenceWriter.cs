using System.Text.Json;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// Writes references to other items from the published caches, in one request culture (shallow: <c>properties: {}</c>).
/// Without a media cache no media resolves and pickers drop them, as Umbraco does for missing media.
/// </summary>
public sealed class PublishedReferenceWriter(PublishedContentCache cache, string culture, PublishedMediaCache? media = null) : IDeliveryReferenceWriter
{
    public string Culture { get; } = culture;

    public bool TryWriteContent(Utf8JsonWriter writer, Guid key)
    {
        var item = cache.Get(key);
        var data = item?.ForCulture(Culture);
        var route = cache.GetRoute(key, Culture);
        if (item is null || data is null || route is null)
        {
            return false;
        }
        writer.WriteStartObject();
        writer.WriteString("contentType", item.ContentType);
        writer.WriteString("name", data.Name);
        DeliveryJson.WriteDate(writer, "createDate", item.CreateDate);
        DeliveryJson.WriteDate(writer, "updateDate", data.UpdateDate);
        writer.WritePropertyName("route");
        DeliveryContentWriter.WriteRoute(writer, cache, item, route, Culture);
        DeliveryJson.WriteKey(writer, "id", item.Key);
        writer.WritePropertyName("properties");
        writer.WriteStartObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        return true;
    }

    /// <summary>Folders are not media one can pick: they resolve to nothing.</summary>
    public bool TryWriteMedia(Utf8JsonWriter writer, Guid key, JsonElement? focalPoint, JsonElement? crops)
    {
        if (media?.Get(key) is not { IsFolder: false } item)
        {
            return false;
        }
        DeliveryMediaWriter.WriteReference(writer, item, focalPoint, crops);
        return true;
    }

    public bool TryWriteRoute(Utf8JsonWriter writer, Guid key, out string contentType, out string name)
    {
        contentType = "";
        name = "";
        var item = cache.Get(key);
        var data = item?.ForCulture(Culture);
        var route = cache.GetRoute(key, Culture);
        if (item is null || data is null || route is null)
        {
            return false;
        }
        contentType = item.ContentType;
        name = data.Name;
        DeliveryContentWriter.WriteRoute(writer, cache, item, route, Culture);
        return true;
    }

    public string? GetMediaUrl(Guid key) => media?.Get(key) is { IsFolder: false } item ? item.Url : null;
}
