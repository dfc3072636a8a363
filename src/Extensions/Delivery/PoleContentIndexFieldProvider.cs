using System.Text.Json;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Extensions.Delivery;

/// <summary>
/// Indexes the pôle's taxonomy and choice properties as lower-cased keywords (one value per chosen term:
/// the published JSON is a string or an array of strings), one sortable <c>date</c>, and a folded
/// <c>title</c> so "Économie" sorts with the E words.
/// </summary>
internal sealed class PoleContentIndexFieldProvider : IContentIndexFieldProvider
{
    public IEnumerable<IndexFieldDefinition> Fields { get; } =
    [
        .. PoleIndexFields.Keywords.Select(k => new IndexFieldDefinition(k.Field, IndexFieldType.Keyword, MultipleValues: true)),
        new(PoleIndexFields.Date, IndexFieldType.Date, Sortable: true),
        new(PoleIndexFields.Title, IndexFieldType.Keyword, Sortable: true),
    ];

    public IEnumerable<IndexFieldValue> GetValues(PublishedContent item, string culture, IndexingContext context)
    {
        var data = item.ForCulture(culture);
        if (data is null)
        {
            yield break;
        }
        foreach (var (field, properties) in PoleIndexFields.Keywords)
        {
            foreach (var value in properties.Select(data.GetProperty).OfType<PublishedProperty>().Take(1).SelectMany(p => Strings(p.Json)))
            {
                yield return new IndexFieldValue(field, value.ToLowerInvariant());
            }
        }
        foreach (var property in PoleIndexFields.DateProperties.Select(data.GetProperty).OfType<PublishedProperty>().Take(1))
        {
            if (Date(property.Json) is { } date)
            {
                yield return new IndexFieldValue(PoleIndexFields.Date, date);
            }
        }
        yield return new IndexFieldValue(PoleIndexFields.Title, ContentIndexText.Fold(data.Name, culture.Length > 0 ? culture : null));
    }

    private static IEnumerable<string> Strings(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var values = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } value)
            {
                values.Add(value);
            }
        }
        return values;
    }

    private static DateTime? Date(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        return reader.Read() && reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var date) ? date.UtcDateTime : null;
    }
}
