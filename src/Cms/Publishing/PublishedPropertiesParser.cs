using System.Text;
using System.Text.Json;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Publishing;

/// <summary>Splits a stored published-properties JSON object into per-property byte arrays (no re-rendering).</summary>
internal static class PublishedPropertiesParser
{
    public static PublishedProperty[] Parse(string json, DocumentType? type) => Parse(Encoding.UTF8.GetBytes(json), type);

    /// <summary>From the UTF-8 bytes as stored (the fast start-up path reads them without making a string).</summary>
    public static PublishedProperty[] Parse(byte[] bytes, DocumentType? type)
    {
        var reader = new Utf8JsonReader(bytes);
        var result = new List<PublishedProperty>();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return [];
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var alias = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var end = (int)reader.BytesConsumed;
            var resolves = type?.GetProperty(alias)?.Editor.ResolvesAtRequestTime ?? false;
            result.Add(new PublishedProperty(alias, bytes[start..end], resolves));
        }
        return [.. result];
    }
}
