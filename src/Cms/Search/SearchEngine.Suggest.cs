using Lucene.Net.Index;
using Lucene.Net.Search;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Search.Analysis;
using PoleKnowledge.Cms.Search.Querying;

namespace PoleKnowledge.Cms.Search;

public sealed partial class SearchEngine
{
    public const int MaxSuggestions = 10;

    /// <summary>
    /// Type-ahead: items whose name has words starting with every word typed (one term lookup each in the
    /// edge n-gram field), then taxonomy terms of the facets whose label does. Names and routes come from the
    /// published cache.
    /// </summary>
    public IReadOnlyList<SearchSuggestion> Suggest(string? query, string culture, int take = 8)
    {
        take = Math.Clamp(take, 1, MaxSuggestions);
        var text = query is null ? "" : query.Length > SearchQueryParser.MaxLength ? query[..SearchQueryParser.MaxLength] : query;
        var tokens = TextAnalysis.Analyze(_index.GetAnalyzer(SearchFieldNames.Plain), SearchFieldNames.Plain, text)
            .Select(t => t.Term.Length > EdgeNGramSearchAnalyzer.MaxGram ? t.Term[..EdgeNGramSearchAnalyzer.MaxGram] : t.Term)
            .Where(t => t.Length >= EdgeNGramSearchAnalyzer.MinGram)
            .Take(6)
            .ToList();
        if (tokens.Count == 0)
        {
            return [];
        }
        var suggestions = new List<SearchSuggestion>();
        var terms = TermSuggestions(tokens, culture).Take(3).ToList();
        var items = _index.Search(shared =>
        {
            var searcher = new IndexSearcher(shared.IndexReader) { Similarity = Bm25 };
            var match = new BooleanQuery(disableCoord: true)
            {
                { new TermQuery(new Term(ContentIndexFieldNames.Culture, culture.ToLowerInvariant())), Occur.MUST },
            };
            foreach (var token in tokens)
            {
                match.Add(new TermQuery(new Term(SearchFieldNames.Suggest, token)), Occur.MUST);
            }
            var docs = searcher.Search(match, take);
            var leaves = searcher.IndexReader.Leaves;
            var keys = new List<Guid>();
            foreach (var doc in docs.ScoreDocs)
            {
                var leaf = leaves[ReaderUtil.SubIndex(doc.Doc, leaves)];
                var bytes = new Lucene.Net.Util.BytesRef();
                leaf.AtomicReader.GetBinaryDocValues(ContentIndexFieldNames.Id).Get(doc.Doc - leaf.DocBase, bytes);
                keys.Add(new Guid(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)));
            }
            return keys;
        });
        foreach (var key in items)
        {
            if (_cache.Get(key) is { } item && item.ForCulture(culture) is { } data && _cache.GetRoute(key, culture) is { } route)
            {
                suggestions.Add(new SearchSuggestion(data.Name, Route: route));
            }
        }
        suggestions = [.. suggestions.Take(take - Math.Min(terms.Count, take / 2))];
        suggestions.AddRange(terms.Take(take - suggestions.Count));
        return suggestions;
    }

    /// <summary>Facet values whose label has words starting with every typed word (labels are few: a linear scan).</summary>
    private IEnumerable<SearchSuggestion> TermSuggestions(List<string> tokens, string culture)
    {
        foreach (var facet in Facets)
        {
            if (facet.Values is null)
            {
                continue;
            }
            foreach (var value in facet.Values)
            {
                var label = facet.Label(value, culture);
                var words = QueryWords.Split(ContentIndexText.Fold(label)).ToList();
                if (tokens.All(t => words.Any(w => w.StartsWith(t, StringComparison.Ordinal))))
                {
                    yield return new SearchSuggestion(label, Facet: facet.Name, Value: value);
                }
            }
        }
    }
}
