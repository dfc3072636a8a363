using System.Globalization;
using System.Text.Json;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Adds the search fields to each document of the content index (one per item and culture): the stemmed
/// text fields of the culture's language by weight class, the plain and suggestion fields, and the content
/// type and year facets. Attached files' extracted text (PDF, DOCX, ODT) is read from the media store when
/// the item is indexed: it is never needed at query time.
/// </summary>
internal sealed class SearchFieldProvider : IContentIndexFieldProvider
{
    private static readonly string[] DateProperties = ["date", "start", "deadline"];
    private readonly SearchTextExtractor _extractor;
    private readonly PublishedMediaCache _media;
    private readonly MediaStore _mediaStore;

    public SearchFieldProvider(SearchTextExtractor extractor, PublishedMediaCache media, MediaStore mediaStore)
    {
        _extractor = extractor;
        _media = media;
        _mediaStore = mediaStore;
    }

    public IEnumerable<IndexFieldDefinition> Fields { get; } =
    [
        .. SearchLanguage.All.SelectMany(l => SearchFieldNames.StemmedBases.Concat(SearchFieldNames.MorphologyBases).Select(b => new IndexFieldDefinition(SearchFieldNames.For(b, l), IndexFieldType.Text))),
        new(SearchFieldNames.Plain, IndexFieldType.Text),
        new(SearchFieldNames.PlainName, IndexFieldType.Text),
        new(SearchFieldNames.Suggest, IndexFieldType.Text),
        new(SearchFieldNames.ContentType, IndexFieldType.Keyword, MultipleValues: true),
        new(SearchFieldNames.Year, IndexFieldType.Keyword, MultipleValues: true),
    ];

    /// <summary>The analysers of the text fields above, to register as <see cref="ContentIndexFieldAnalyzer"/>s.</summary>
    public static IEnumerable<ContentIndexFieldAnalyzer> Analyzers()
    {
        foreach (var language in SearchLanguage.All)
        {
            foreach (var field in SearchFieldNames.StemmedBases)
            {
                yield return new ContentIndexFieldAnalyzer(SearchFieldNames.For(field, language), language.CreateAnalyzer(), SearchAnalysisSignature.Value);
            }
            foreach (var field in SearchFieldNames.MorphologyBases)
            {
                yield return new ContentIndexFieldAnalyzer(SearchFieldNames.For(field, language), language.CreateMorphologyAnalyzer(), SearchAnalysisSignature.Value);
            }
        }
        yield return new ContentIndexFieldAnalyzer(SearchFieldNames.Plain, new PlainSearchAnalyzer(), SearchAnalysisSignature.Value);
        yield return new ContentIndexFieldAnalyzer(SearchFieldNames.PlainName, new PlainSearchAnalyzer(), SearchAnalysisSignature.Value);
        yield return new ContentIndexFieldAnalyzer(SearchFieldNames.Suggest, new EdgeNGramSearchAnalyzer(), SearchAnalysisSignature.Value);
    }

    public IEnumerable<IndexFieldValue> GetValues(PublishedContent item, string culture, IndexingContext context)
    {
        var data = item.ForCulture(culture);
        if (data is null)
        {
            yield break;
        }
        var language = SearchLanguage.ForCulture(culture);
        var text = _extractor.Get(item, data);
        yield return new(SearchFieldNames.For(SearchFieldNames.Name, language), text.Name);
        yield return new(SearchFieldNames.For(SearchFieldNames.Summary, language), text.Summary);
        yield return new(SearchFieldNames.For(SearchFieldNames.Taxonomy, language), text.Taxonomy);
        yield return new(SearchFieldNames.For(SearchFieldNames.Body, language), text.Body);
        foreach (var file in text.MediaKeys)
        {
            // Recorded whether the file has text yet or not: when it changes, this item is re-indexed.
            yield return new(ContentIndexFieldNames.MediaIds, ContentIndexFieldNames.FormatKey(file));
            if (_media.Get(file) is { HasText: true } && _mediaStore.GetTextAsync(file).GetAwaiter().GetResult() is { Length: > 0 } fileText)
            {
                yield return new(SearchFieldNames.For(SearchFieldNames.Files, language), fileText);
            }
        }
        yield return new(SearchFieldNames.For(SearchFieldNames.MorphologyName, language), text.Name);
        yield return new(SearchFieldNames.For(SearchFieldNames.MorphologyText, language), text.Summary);
        yield return new(SearchFieldNames.For(SearchFieldNames.MorphologyText, language), text.Body);
        yield return new(SearchFieldNames.Plain, text.Name);
        yield return new(SearchFieldNames.Plain, text.Summary);
        yield return new(SearchFieldNames.Plain, text.Body);
        yield return new(SearchFieldNames.PlainName, text.Name);
        yield return new(SearchFieldNames.Suggest, text.Name);
        yield return new(SearchFieldNames.ContentType, item.ContentType);
        yield return new(SearchFieldNames.Year, YearOf(item, data).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The year of the item's own date (a resource's date, an event's start, a deadline), else of its creation.</summary>
    private static int YearOf(PublishedContent item, PublishedCulture data)
    {
        foreach (var alias in DateProperties)
        {
            if (data.GetProperty(alias) is { Json.Length: > 0 } property)
            {
                var reader = new Utf8JsonReader(property.Json);
                if (reader.Read() && reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var date))
                {
                    return date.Year;
                }
            }
        }
        return item.CreateDate.Year;
    }
}
