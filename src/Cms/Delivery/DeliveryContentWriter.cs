using System.Buffers;
using System.Text.Json;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// Writes a published item as the Delivery API v2 shows it (member order
/// <c>contentType, name, createDate, updateDate, route, id, properties, cultures</c>). Composes the
/// envelope around property values published once; only pickers are resolved per request.
/// </summary>
public static class DeliveryContentWriter
{
    /// <param name="media">Resolves media pickers; without it they deliver empty arrays.</param>
    public static void Write(Utf8JsonWriter writer, PublishedContentCache cache, ContentSchema schema, PublishedContent item, string culture, IReadOnlySet<string>? onlyProperties = null, PublishedMediaCache? media = null)
    {
        var route = cache.GetRoute(item.Key, culture) ?? throw new InvalidOperationException($"Item {item.Key} is not routable in {culture}.");
        Write(writer, cache, schema, item, culture, route, item.IsInvariant ? [] : cache.GetRoutes(item.Key), new PublishedReferenceWriter(cache, culture, media), onlyProperties);
    }

    /// <summary>
    /// Writes an item with explicit routes and reference writer: the Delivery API passes a writer carrying the
    /// request's <c>expand</c>/<c>fields</c> trees, and preview passes a draft item with its preview routes.
    /// </summary>
    /// <param name="cultureRoutes">The <c>cultures</c> member (empty for invariant items).</param>
    public static void Write(Utf8JsonWriter writer, PublishedContentCache cache, ContentSchema schema, PublishedContent item, string culture, string route, IEnumerable<(string Culture, string Route)> cultureRoutes, IDeliveryReferenceWriter references, IReadOnlySet<string>? onlyProperties = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(cultureRoutes);
        var data = item.ForCulture(culture) ?? throw new InvalidOperationException($"Item {item.Key} is not published in {culture}.");
        writer.WriteStartObject();
        writer.WriteString("contentType", item.ContentType);
        writer.WriteString("name", data.Name);
        DeliveryJson.WriteDate(writer, "createDate", item.CreateDate);
        DeliveryJson.WriteDate(writer, "updateDate", data.UpdateDate);
        writer.WritePropertyName("route");
        WriteRoute(writer, cache, item, route, culture);
        DeliveryJson.WriteKey(writer, "id", item.Key);
        writer.WritePropertyName("properties");
        var type = schema.GetDocumentType(item.ContentType);
        if (type is null)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            DeliveryPropertiesWriter.Write(writer, type, data.Properties, references, onlyProperties);
        }
        writer.WritePropertyName("cultures");
        writer.WriteStartObject();
        foreach (var (otherCulture, otherRoute) in cultureRoutes)
        {
            writer.WritePropertyName(otherCulture);
            WriteRoute(writer, cache, item, otherRoute, otherCulture);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The route object: <c>{path, queryString, startItem: {id, path}}</c>.</summary>
    public static void WriteRoute(Utf8JsonWriter writer, PublishedContentCache cache, PublishedContent item, string route, string culture)
    {
        var root = cache.RootOf(item);
        writer.WriteStartObject();
        writer.WriteString("path", route);
        writer.WriteNull("queryString");
        writer.WritePropertyName("startItem");
        writer.WriteStartObject();
        DeliveryJson.WriteKey(writer, "id", root.Key);
        writer.WriteString("path", root.ForCulture(culture)?.UrlSegment ?? "");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The item's JSON as a document (for server-rendered pages that read it).</summary>
    public static JsonDocument ToDocument(PublishedContentCache cache, ContentSchema schema, PublishedContent item, string culture, PublishedMediaCache? media = null)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, cache, schema, item, culture, media: media);
        }
        return JsonDocument.Parse(buffer.WrittenMemory);
    }
}
