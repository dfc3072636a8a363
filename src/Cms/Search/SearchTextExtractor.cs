using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Reads the searchable text of a published item from its published properties, by editor: text boxes and
/// areas are summary text (the <c>summary</c> property first), Markdown is body text (its published HTML
/// stripped), tags and lists give their labels, media pickers give the keys of the files whose extracted
/// text is indexed with the item. Cached per published culture object (replaced whole on every publish),
/// so snippets at query time never re-parse HTML.
/// </summary>
public sealed class SearchTextExtractor
{
    private readonly ConditionalWeakTable<PublishedCulture, SearchText> _cache = [];
    private readonly ContentSchema _schema;

    public SearchTextExtractor(ContentSchemaHolder schema)
    {
        _schema = schema.Schema;
    }

    public SearchText Get(PublishedContent item, PublishedCulture data) =>
        _cache.GetValue(data, d => Extract(item.ContentType, d));

    private SearchText Extract(string contentType, PublishedCulture data)
    {
        var type = _schema.GetDocumentType(contentType);
        var summary = new StringBuilder();
        var taxonomy = new StringBuilder(type?.Name ?? "");
        var body = new StringBuilder();
        var media = new List<Guid>();
        foreach (var property in data.Properties.OrderBy(p => p.Alias == "summary" ? 0 : 1))
        {
            var definition = type?.GetProperty(property.Alias);
            if (definition is null || property.Json.Length == 0)
            {
                continue;
            }
            using var json = JsonDocument.Parse(property.Json);
            var value = json.RootElement;
            switch (definition.EditorAlias)
            {
                case "Umbraco.TextBox" or "Umbraco.TextArea":
                    if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                    {
                        Append(summary, text);
                    }
                    break;
                case "Umbraco.MarkdownEditor":
                    if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } html)
                    {
                        Append(body, HtmlText.ToPlainText(html));
                    }
                    break;
                case "Umbraco.Tags" or "Umbraco.DropDown.Flexible" or "Umbraco.CheckBoxList":
                    if (definition.Editor.GetIndexText(value, definition, _schema) is { Length: > 0 } labels)
                    {
                        Append(taxonomy, labels);
                    }
                    break;
                case "Umbraco.MediaPicker3":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var entry in value.EnumerateArray())
                        {
                            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("mediaKey", out var key) && key.TryGetGuid(out var mediaKey))
                            {
                                media.Add(mediaKey);
                            }
                        }
                    }
                    break;
            }
        }
        return new SearchText(data.Name, summary.ToString(), taxonomy.ToString(), body.ToString(), media);
    }

    private static void Append(StringBuilder builder, string text)
    {
        if (builder.Length > 0)
        {
            builder.Append('\n');
        }
        builder.Append(text.AsSpan().Trim());
    }
}
