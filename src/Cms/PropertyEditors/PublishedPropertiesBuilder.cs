using System.Buffers;
using System.Text.Unicode;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// Computes the published form of every property of an item in one culture, once, at publish time.
/// </summary>
/// <remarks>
/// Empty values publish as JSON <c>null</c>, as Umbraco's Delivery API does (§4.1), with one exception kept
/// from Umbraco: an empty Markdown property publishes <c>""</c>. The always-array pickers (tree picker,
/// media picker, URL picker) therefore deliver <c>null</c> rather than <c>[]</c> when nothing is picked;
/// they deliver an array (possibly empty, after dropping missing targets) whenever something was picked.
/// An empty value is never marked as resolving, so it costs nothing per request.
/// </remarks>
public sealed class PublishedPropertiesBuilder
{
    private static readonly byte[] NullJson = "null"u8.ToArray();

    // Accented letters stay readable (and half the size) in the stored bytes; HTML-sensitive characters
    // (<, >, &, ') stay escaped so the bytes are safe to inline anywhere, including a <script> block.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public PublishedProperty[] Build(DocumentType type, JsonObject invariantValues, JsonObject? cultureValues, PropertyPublishContext context)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(invariantValues);
        ArgumentNullException.ThrowIfNull(context);
        var result = new PublishedProperty[type.Properties.Count];
        var buffer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < result.Length; i++)
        {
            var property = type.Properties[i];
            var value = property.VariesByCulture ? cultureValues?[property.Alias] : invariantValues[property.Alias];
            var empty = context.Withheld.Contains(property.Alias) || EditorInput.IsEmpty(value);
            if (empty && (property.Editor is not MarkdownEditor || context.Withheld.Contains(property.Alias)))
            {
                result[i] = new PublishedProperty(property.Alias, NullJson, false);
                continue;
            }
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                PropertyValueNormalizer.WritePublished(writer, property, value, context);
            }
            result[i] = new PublishedProperty(property.Alias, buffer.WrittenSpan.ToArray(), !empty && property.Editor.ResolvesAtRequestTime);
        }
        return result;
    }
}
