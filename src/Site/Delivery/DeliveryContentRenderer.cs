using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// Renders content items as Delivery API JSON bytes for one request: published items from the published cache
/// (plain shapes through <see cref="DeliveryItemResponseCache"/>), drafts for preview. Returns null for what the
/// API must treat as not found: disallowed content types and items not routable in the request culture.
/// </summary>
internal sealed class DeliveryContentRenderer(PublishedContentCache cache, PublishedMediaCache media, ContentSchemaHolder schema, DeliveryOptions options, DeliveryItemResponseCache responses)
{
    // Accented text stays readable; HTML-sensitive characters stay escaped (same policy as the published bytes).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public DeliveryPayload? RenderPublished(PublishedContent item, DeliveryRequestContext request)
    {
        if (!options.IsContentTypeAllowed(item.ContentType) || item.ForCulture(request.Culture) is null || cache.GetRoute(item.Key, request.Culture) is not { } route)
        {
            return null;
        }
        var cultureRoutes = item.IsInvariant ? [] : cache.GetRoutes(item.Key);
        if (request.IsDefaultShape)
        {
            return responses.GetOrRender(item.Key, request.Culture, () => Serialize(item, request, route, cultureRoutes));
        }
        return DeliveryPayload.From(Serialize(item, request, route, cultureRoutes));
    }

    /// <summary>A draft built by <see cref="DeliveryDraftBuilder"/>: published route when it has one, else <c>/preview-{key}/</c> (§4.2).</summary>
    public DeliveryPayload? RenderDraft(PublishedContent draft, DeliveryRequestContext request)
    {
        if (!options.IsContentTypeAllowed(draft.ContentType) || draft.ForCulture(request.Culture) is null)
        {
            return null;
        }
        var previewRoute = $"/preview-{draft.Key:D}/";
        var route = cache.GetRoute(draft.Key, request.Culture) ?? previewRoute;
        var cultureRoutes = draft.IsInvariant
            ? []
            : schema.Schema.Cultures.Where(draft.Cultures.ContainsKey).Select(c => (c, cache.GetRoute(draft.Key, c) ?? previewRoute)).ToList();
        return DeliveryPayload.From(Serialize(draft, request, route, cultureRoutes));
    }

    /// <summary>Several payloads as one JSON array (the bytes of each item are reused as they are).</summary>
    public static byte[] ToArray(IReadOnlyList<DeliveryPayload> items)
    {
        var length = 2 + items.Sum(i => i.Bytes.Length) + Math.Max(0, items.Count - 1);
        var result = new byte[length];
        var position = 0;
        result[position++] = (byte)'[';
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                result[position++] = (byte)',';
            }
            items[i].Bytes.CopyTo(result, position);
            position += items[i].Bytes.Length;
        }
        result[position] = (byte)']';
        return result;
    }

    private byte[] Serialize(PublishedContent item, DeliveryRequestContext request, string route, IEnumerable<(string Culture, string Route)> cultureRoutes)
    {
        var references = new PublishedReferenceWriter(cache, request.Culture, schema.Schema, request.Expand, request.Fields, options.IsContentTypeAllowed, media);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            DeliveryContentWriter.Write(writer, cache, schema.Schema, item, request.Culture, route, cultureRoutes, references);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
