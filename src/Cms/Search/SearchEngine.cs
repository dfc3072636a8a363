using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Search.Analysis;
using PoleKnowledge.Cms.Search.Facets;
using PoleKnowledge.Cms.Search.Querying;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// The hub's full-text search over the content index: parses the query with our grammar, builds a weighted,
/// typo-tolerant, synonym-aware query in the culture's language, ranks with BM25, counts facets from doc
/// values, and composes hits from the published cache by key (never from stored fields). Thread-safe.
/// </summary>
public sealed partial class SearchEngine
{
    private static readonly Similarity Bm25 = new SearchSimilarity();
    private readonly ContentIndex _index;
    private readonly PublishedContentCache _cache;
    private readonly SearchTextExtractor _text;
    private readonly SearchQueryBuilder _builder;
    private readonly SynonymSet _synonyms;
    private readonly Dictionary<string, SearchFacetDefinition> _facets;
    private readonly SearchResultCache _results = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CultureFilter> _cultureFilters = new(StringComparer.OrdinalIgnoreCase);

    public SearchEngine(ContentIndex index, PublishedContentCache cache, SearchTextExtractor text, IEnumerable<SearchFacetDefinition> facets, SynonymSet synonyms, IOptions<SearchOptions> options)
    {
        CacheResults = options.Value.CacheResults;
        _index = index;
        _cache = cache;
        _text = text;
        _synonyms = synonyms;
        _builder = new SearchQueryBuilder(index.GetAnalyzer, synonyms);
        Facets = [.. facets];
        _facets = Facets.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The facets, in display order; filters must name one of them.</summary>
    public IReadOnlyList<SearchFacetDefinition> Facets { get; }

    public bool IsKnownFacet(string name) => _facets.ContainsKey(name);

    /// <summary>Runs a search. Throws <see cref="ContentIndexNotReadyException"/> before the first index build, <see cref="ArgumentException"/> for an unknown facet.</summary>
    public SearchResult Search(SearchRequest request)
    {
        foreach (var name in request.Filters.Keys)
        {
            if (!_facets.ContainsKey(name))
            {
                throw new ArgumentException($"Unknown facet '{name}'.", nameof(request));
            }
        }
        var skip = Math.Clamp(request.Skip, 0, SearchRequest.MaxSkip);
        var take = Math.Clamp(request.Take, 0, SearchRequest.MaxTake);
        var page = request with { Skip = skip, Take = take };
        return _index.Search(shared => CacheResults
            ? _results.GetOrRun(shared.IndexReader, page, () => Run(shared.IndexReader, page))
            : Run(shared.IndexReader, page));
    }

    /// <summary>Whether results are kept per index reader (<see cref="SearchResultCache"/>, <see cref="SearchOptions.CacheResults"/>); off to measure the engine itself.</summary>
    internal bool CacheResults { get; set; }

    private SearchResult Run(IndexReader reader, SearchRequest request)
    {
        var language = SearchLanguage.ForCulture(request.Culture);
        var terms = SearchQueryParser.Parse(request.Query);
        var (skip, take) = (request.Skip, request.Take);
        var searcher = new IndexSearcher(reader) { Similarity = Bm25 };
        var plain = _index.GetAnalyzer(SearchFieldNames.Plain);
        // Term lookups once per search, with this thread's terms enumerators: word frequencies first (spelling, typo tolerance).
        var states = new TermStates(reader);
        var corrections = SpellingCorrector.Corrections(searcher.IndexReader, plain, terms, _synonyms, states.PlainFrequency);
        var positive = _builder.Build(terms, language, out var exclusions, corrections, states.PlainFrequency);
        var sort = positive is null ? SearchSort.Date : request.Sort;
        // Rewritten once (fuzzy and prefix terms expanded): searched, then read for the words to highlight.
        var rewritten = positive is null ? null : states.Prepare(searcher.Rewrite(positive));
        var (core, bonus) = rewritten is null ? (null, null) : BonusRescorer.Split(rewritten);
        var match = Combine(core, [.. exclusions.Select(states.Prepare)]);
        var (hits, total, counts) = Collect(searcher, states, match, sort == SearchSort.Relevance ? bonus : null, request, skip, take, sort);
        var highlight = new SnippetMatcher(rewritten is null ? SnippetTerms.None : HighlightTerms(rewritten, language), language);
        var cards = new List<SearchHit>(hits.Length);
        foreach (var (key, score) in hits)
        {
            if (Card(key, score, request.Culture, highlight) is { } card)
            {
                cards.Add(card);
            }
        }
        // Offered only when the corrected query finds something by itself.
        string? corrected = null;
        if (positive is not null && SpellingCorrector.Apply(plain, terms, corrections) is { } candidate && Matches(searcher, states, candidate, request, language))
        {
            corrected = candidate;
        }
        return new SearchResult(total, cards, counts, corrected);
    }

    private static Query Combine(Query? positive, List<Query> exclusions)
    {
        var query = new BooleanQuery(disableCoord: true) { { positive ?? new MatchAllDocsQuery(), Occur.MUST } };
        foreach (var excluded in exclusions)
        {
            query.Add(excluded, Occur.MUST_NOT);
        }
        return query;
    }

    /// <summary>The query restricted to the culture and every facet filter but <paramref name="except"/>.</summary>
    private Query Filtered(Query match, SearchRequest request, string? except)
    {
        var filter = new BooleanQuery(disableCoord: true);
        foreach (var (name, values) in request.Filters)
        {
            if (name == except || values.Count == 0)
            {
                continue;
            }
            var field = _facets[name].Field;
            var any = new BooleanQuery(disableCoord: true);
            foreach (var value in values.Take(20))
            {
                any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
            }
            filter.Add(any, Occur.MUST);
        }
        var filtered = filter.Clauses.Count == 0 ? match : new BooleanQuery(disableCoord: true)
        {
            { match, Occur.MUST },
            { new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST },
        };
        return new FilteredQuery(filtered, CultureFilterOf(request.Culture), BitsFilterStrategy.Instance);
    }

    /// <summary>One filter (and so one bit set per segment) per culture; past a few cultures (a request may name any), a fresh one each time.</summary>
    private CultureFilter CultureFilterOf(string culture) =>
        _cultureFilters.TryGetValue(culture, out var filter) ? filter
        : _cultureFilters.Count < 8 ? _cultureFilters.GetOrAdd(culture, static c => new CultureFilter(c))
        : new CultureFilter(culture);

    private ((Guid Key, float Score)[] Hits, int Total, Dictionary<string, IReadOnlyList<SearchFacetValue>> Facets) Collect(
        IndexSearcher searcher, TermStates states, Query match, Query? bonus, SearchRequest request, int skip, int take, SearchSort sort)
    {
        var size = Math.Max(1, skip + take);
        if (bonus is not null)
        {
            size = Math.Max(size, BonusRescorer.Depth);
        }
        ITopDocsCollector top = sort == SearchSort.Date
            ? TopFieldCollector.Create(new Sort(new SortField(ContentIndexFieldNames.UpdateDate, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE), size, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
            : TopScoreDocCollector.Create(size, docsScoredInOrder: false);
        var unfiltered = request.IncludeFacets ? Facets.Where(f => !request.Filters.TryGetValue(f.Name, out var v) || v.Count == 0).ToList() : [];
        var counter = new FacetCountCollector(unfiltered.Select(f => f.Field));
        searcher.Search(Filtered(match, request, except: null), unfiltered.Count > 0 ? MultiCollector.Wrap((ICollector)top, counter) : (ICollector)top);
        (Guid Key, float Score)[] hits;
        if (sort == SearchSort.Relevance)
        {
            var best = top.GetTopDocs(0, size).ScoreDocs;
            if (bonus is not null)
            {
                BonusRescorer.Rescore(searcher, bonus, best, states);
            }
            if (best.Length <= skip)
            {
                hits = [];
            }
            else
            {
                // The page widened to whole runs of equal scores at both ends, ordered, then cut again.
                var (from, to) = (skip, Math.Min(skip + take, best.Length));
                while (from > 0 && best[from - 1].Score == best[from].Score)
                {
                    from--;
                }
                while (to < best.Length && to > 0 && best[to].Score == best[to - 1].Score)
                {
                    to++;
                }
                var ranked = KeysOf(searcher, best.AsSpan(from, to - from));
                OrderTies(ranked, request.Culture);
                hits = ranked.AsSpan(skip - from, Math.Min(take, ranked.Length - (skip - from))).ToArray();
            }
        }
        else
        {
            hits = KeysOf(searcher, top.GetTopDocs(skip, take).ScoreDocs);
        }
        var facets = new Dictionary<string, IReadOnlyList<SearchFacetValue>>(StringComparer.Ordinal);
        if (request.IncludeFacets)
        {
            foreach (var facet in Facets)
            {
                IReadOnlyDictionary<string, int> counts;
                if (unfiltered.Contains(facet))
                {
                    counts = counter.CountsOf(facet.Field);
                }
                else
                {
                    // Counted without its own filter: the other values of a filtered facet stay offered (multi-select).
                    var sideways = new FacetCountCollector([facet.Field]);
                    searcher.Search(Filtered(match, request, except: facet.Name), sideways);
                    counts = sideways.CountsOf(facet.Field);
                }
                facets[facet.Name] = Values(facet, counts, request.Culture);
            }
        }
        return (hits, top.TotalHits, facets);
    }

    private static (Guid Key, float Score)[] KeysOf(IndexSearcher searcher, ReadOnlySpan<ScoreDoc> docs)
    {
        var hits = new (Guid, float)[docs.Length];
        var leaves = searcher.IndexReader.Leaves;
        var bytes = new BytesRef();
        for (var i = 0; i < hits.Length; i++)
        {
            var doc = docs[i];
            var leaf = leaves[ReaderUtil.SubIndex(doc.Doc, leaves)];
            leaf.AtomicReader.GetBinaryDocValues(ContentIndexFieldNames.Id).Get(doc.Doc - leaf.DocBase, bytes);
            hits[i] = (new Guid(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)), doc.Score);
        }
        return hits;
    }

    /// <summary>
    /// Orders hits of equal score (<paramref name="hits"/> in descending score order) by a property of the content
    /// rather than by document number: the shorter name first (for equal words matched, the closer match), then the
    /// name, then the key. Document numbers depend on which thread indexed what during a rebuild and on merges, so
    /// without this two identical sheets (one per audience) swapped places from one rebuild to the next.
    /// </summary>
    private void OrderTies((Guid Key, float Score)[] hits, string culture)
    {
        for (var start = 0; start < hits.Length;)
        {
            var end = start + 1;
            while (end < hits.Length && hits[end].Score == hits[start].Score)
            {
                end++;
            }
            if (end - start > 1)
            {
                Array.Sort(hits, start, end - start, Comparer<(Guid Key, float Score)>.Create((a, b) =>
                {
                    var (nameA, nameB) = (NameOf(a.Key, culture), NameOf(b.Key, culture));
                    var order = nameA.Length.CompareTo(nameB.Length);
                    if (order == 0)
                    {
                        order = string.CompareOrdinal(nameA, nameB);
                    }
                    return order != 0 ? order : a.Key.CompareTo(b.Key);
                }));
            }
            start = end;
        }
    }

    private string NameOf(Guid key, string culture) => _cache.Get(key)?.ForCulture(culture)?.Name ?? "";

    private static List<SearchFacetValue> Values(SearchFacetDefinition facet, IReadOnlyDictionary<string, int> counts, string culture)
    {
        var values = counts.Where(c => c.Value > 0).Select(c => new SearchFacetValue(c.Key, facet.Label(c.Key, culture), c.Value));
        return facet.SortByValueDescending
            ? [.. values.OrderByDescending(v => v.Value, StringComparer.Ordinal)]
            : [.. values.OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.CurrentCulture)];
    }

    /// <summary>Whether the query finds anything with the request's filters (stops at the first hit; bonuses left out, they never decide a match).</summary>
    private bool Matches(IndexSearcher searcher, TermStates states, string query, SearchRequest request, SearchLanguage language)
    {
        var positive = _builder.Build(SearchQueryParser.Parse(query), language, out var exclusions, documentFrequency: states.PlainFrequency);
        if (positive is null)
        {
            return false;
        }
        var (core, _) = BonusRescorer.Split(states.Prepare(searcher.Rewrite(positive)));
        var collector = new AnyHitCollector();
        searcher.Search(Filtered(Combine(core, [.. exclusions.Select(states.Prepare)]), request, except: null), collector);
        return collector.Found;
    }

    /// <summary>The words the query matched, fuzzy expansions included: stems as they are, plain words normalised as the snippet builder normalises text.</summary>
    private static SnippetTerms HighlightTerms(Query rewritten, SearchLanguage language)
    {
        var terms = new HashSet<Term>();
        try
        {
            rewritten.ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            // A constant-score prefix query holds no terms: nothing to add.
        }
        var light = new HashSet<string>(StringComparer.Ordinal);
        var morphology = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new char[256];
        foreach (var term in terms)
        {
            var text = term.Text;
            if (SearchFieldNames.IsMorphology(term.Field))
            {
                morphology.Add(text);
            }
            else if (term.Field.StartsWith(SearchFieldNames.Plain, StringComparison.Ordinal))
            {
                if (text.Length <= 60 && language.NormalizeWord(text, buffer) is var length and > 0)
                {
                    light.Add(new string(buffer, 0, length));
                }
            }
            else
            {
                light.Add(text);
            }
        }
        return new SnippetTerms(light, morphology);
    }

    /// <summary>A hit's card; <paramref name="highlight"/> is the search's one matcher, shared by its hits (it remembers the words it has normalised).</summary>
    private SearchHit? Card(Guid key, float score, string culture, SnippetMatcher highlight)
    {
        if (_cache.Get(key) is not { } item || item.ForCulture(culture) is not { } data || _cache.GetRoute(key, culture) is not { } route)
        {
            return null;
        }
        var text = _text.Get(item, data);
        return new SearchHit(key, item.ContentType, data.Name, route, text.CardSummary, score, SnippetBuilder.Build(text.SnippetSource, highlight));
    }
}
