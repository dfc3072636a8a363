using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// A prepared term of a word unit, scored as <see cref="TermQuery"/> scores it (same similarity weight, same
/// normalisation) but with postings enumerators reused from one search to the next on the same thread and reader. Lucene's
/// term weight opens a new terms enumerator and a new postings enumerator for every term on every segment of
/// every search, and each postings enumerator clones the memory-mapped postings file under a lock
/// (<c>ByteBufferIndexInput.Clone</c>: a fifth of a small query's time; the enumerators were a third of its
/// allocations). A reused enumerator keeps its clone.
/// </summary>
internal sealed class TermLeaf
{
    private const int MaxPooledPerKey = 8;

    /// <summary>The index reader the pools below belong to: a new reader (after a publish) empties them, so they only ever hold one reader's segments.</summary>
    [ThreadStatic]
    private static IndexReader? _reader;
    [ThreadStatic]
    private static Dictionary<(object Core, string Field), Stack<DocsEnum>>? _docs;
    [ThreadStatic]
    private static Dictionary<(object Core, string Field), TermsEnum?>? _terms;
    [ThreadStatic]
    private static Dictionary<(object Core, string Field), Stack<DocsAndPositionsEnum>>? _positions;

    private readonly Term _term;
    private readonly TermContext _context;
    private readonly Similarity _similarity;
    private readonly Similarity.SimWeight? _stats;
    private readonly float _weight;
    private readonly float[]? _divisors;

    public TermLeaf(IndexSearcher searcher, PreparedTermQuery query, float norm, float topLevelBoost)
    {
        _term = query.Term;
        _context = query.Context;
        _similarity = searcher.Similarity;
        var collection = searcher.CollectionStatistics(_term.Field);
        var statistics = searcher.TermStatistics(_term, _context);
        if (_similarity is SearchSimilarity bm25)
        {
            // BM25 ignores the query norm: the term's weight is its boosts and idf.
            (_weight, _divisors) = bm25.TermScoring(query.Boost, topLevelBoost, collection, statistics);
            return;
        }
        _stats = _similarity.ComputeWeight(query.Boost, collection, statistics);
        _stats.GetValueForNormalization();
        _stats.Normalize(norm, topLevelBoost);
    }

    /// <summary>The term's scorer on one segment (null when the segment lacks the term), with a pooled postings enumerator.</summary>
    public Scorer? Open(Weight weight, AtomicReaderContext context, IBits acceptDocs)
    {
        if (_context.TopReaderContext != ReaderUtil.GetTopLevelContext(context) || _context.Get(context.Ord) is not { } state)
        {
            return null;
        }
        var key = (context.AtomicReader.CoreCacheKey, _term.Field);
        var terms = TermsOf(_context.TopReaderContext.Reader, context.AtomicReader, _term.Field);
        if (terms is null)
        {
            return null;
        }
        terms.SeekExact(_term.Bytes, state);
        if (_divisors is not null && terms.DocFreq >= HotPostings.MinimumDocumentFrequency)
        {
            var scoring = new Bm25Scoring(_weight, _divisors, SegmentNorms.Of(context.AtomicReader, _term.Field), ((SearchSimilarity)_similarity).K1);
            return new ArrayLeaf(weight, HotPostings.Get(context.AtomicReader, _term, terms), acceptDocs, scoring);
        }
        var reuse = _docs!.TryGetValue(key, out var free) && free.Count > 0 ? free.Pop() : null;
        var docs = terms.Docs(acceptDocs, reuse);
        if (docs is null)
        {
            return null;
        }
        return _divisors is not null
            ? new Leaf(weight, docs, null, key) { Scoring = new(_weight, _divisors, SegmentNorms.Of(context.AtomicReader, _term.Field), ((SearchSimilarity)_similarity).K1) }
            : new Leaf(weight, docs, _similarity.GetSimScorer(_stats, context), key);
    }

    /// <summary>
    /// This thread's terms enumerator of a segment's field (null when the segment lacks the field), kept while
    /// <paramref name="top"/> is the reader searched: term lookups (<see cref="TermStates"/>) and scorers share it,
    /// one after the other (a postings enumerator, once made, does not follow the terms enumerator's later seeks).
    /// </summary>
    internal static TermsEnum? TermsOf(IndexReader top, AtomicReader segment, string field)
    {
        _terms ??= [];
        _docs ??= [];
        _positions ??= [];
        if (!ReferenceEquals(_reader, top))
        {
            _terms.Clear();
            _docs.Clear();
            _positions.Clear();
            _reader = top;
        }
        var key = (segment.CoreCacheKey, field);
        if (!_terms.TryGetValue(key, out var terms))
        {
            terms = segment.GetTerms(field)?.GetEnumerator();
            _terms[key] = terms;
        }
        return terms;
    }

    /// <summary>A positions enumerator of this thread for a segment's field, to pass as the one to reuse (null when none is free); call after <see cref="TermsOf"/> for the same reader.</summary>
    internal static DocsAndPositionsEnum? RentPositions(AtomicReader segment, string field) =>
        _positions is not null && _positions.TryGetValue((segment.CoreCacheKey, field), out var free) && free.Count > 0 ? free.Pop() : null;

    /// <summary>Gives a positions enumerator back to this thread's pool, once its scorer is done with it (keyed by the segment's core, as the postings enumerators are).</summary>
    internal static void ReturnPositions(AtomicReader segment, string field, DocsAndPositionsEnum positions)
    {
        _positions ??= [];
        var key = (segment.CoreCacheKey, field);
        if (!_positions.TryGetValue(key, out var free))
        {
            free = new Stack<DocsAndPositionsEnum>();
            _positions[key] = free;
        }
        if (free.Count < MaxPooledPerKey)
        {
            free.Push(positions);
        }
    }

    /// <summary>BM25 of a term on one segment without virtual calls: weight × freq / (freq + divisor of the document's norm).</summary>
    internal readonly record struct Bm25Scoring(float Weight, float[] Divisors, byte[]? Norms, float K1);

    /// <summary>Scores as Lucene's term scorer does; gives its postings enumerator back with <see cref="Release"/>.</summary>
    internal sealed class Leaf(Weight weight, DocsEnum docs, Similarity.SimScorer? scorer, (object Core, string Field) key) : Scorer(weight), IWindowLeaf
    {
        private bool _released;

        /// <summary>Set when the similarity is <see cref="SearchSimilarity"/>: the windowed scorer then runs <see cref="AddTo"/> (otherwise it calls <see cref="GetScore"/>).</summary>
        public Bm25Scoring? Scoring { get; init; }

        public override int DocID => docs.DocID;
        public override int Freq => docs.Freq;
        public override int NextDoc() => docs.NextDoc();
        public override int Advance(int target) => docs.Advance(target);
        public override float GetScore() => scorer is not null ? scorer.Score(docs.DocID, docs.Freq) : Score(Scoring!.Value, docs.DocID, docs.Freq);
        public override long GetCost() => docs.GetCost();

        internal static float Score(in Bm25Scoring scoring, int doc, float freq)
        {
            // As Lucene's BM25 doc scorer: without norms, every length counts as k1.
            var divisor = scoring.Norms is { } norms ? scoring.Divisors[norms[doc]] : scoring.K1;
            return scoring.Weight * freq / (freq + divisor);
        }

        /// <summary>One loop, two virtual calls per posting (the next document, its frequency).</summary>
        public void AddTo<TSink>(TSink sink, int end, int mask) where TSink : struct, IWindowSink
        {
            var (weight, divisors, norms, k1) = Scoring!.Value;
            var postings = docs;
            for (var doc = postings.DocID; doc < end; doc = postings.NextDoc())
            {
                float freq = postings.Freq;
                var divisor = norms is null ? k1 : divisors[norms[doc]];
                sink.Add(doc & mask, weight * freq / (freq + divisor));
            }
        }

        /// <summary>Returns the enumerator to this thread's pool: only once its scorer is done with it.</summary>
        public void Release()
        {
            if (_released)
            {
                return;
            }
            _released = true;
            _docs ??= [];
            if (!_docs.TryGetValue(key, out var free))
            {
                free = new Stack<DocsEnum>();
                _docs[key] = free;
            }
            if (free.Count < MaxPooledPerKey)
            {
                free.Push(docs);
            }
        }
    }

    /// <summary>A common term's scorer over its decoded postings (<see cref="HotPostings"/>): the accepted documents are checked here, a bit per posting.</summary>
    internal sealed class ArrayLeaf : Scorer, IWindowLeaf
    {
        private readonly int[] _documents;
        private readonly int[] _frequencies;
        private readonly IBits? _accept;
        private readonly long[]? _acceptWords;
        private readonly Bm25Scoring _scoring;
        private int _index = -1;

        public ArrayLeaf(Weight weight, HotPostings.Entry postings, IBits? acceptDocs, Bm25Scoring scoring) : base(weight)
        {
            (_documents, _frequencies, _scoring) = (postings.Documents, postings.Frequencies, scoring);
            // The culture's bit set (no deletions) is read inline; any other accepted set through its interface.
            if (acceptDocs is FixedBitSet bits)
            {
                _acceptWords = bits.GetBits();
            }
            else
            {
                _accept = acceptDocs;
            }
        }

        public override int DocID => _index < 0 ? -1 : _index < _documents.Length ? _documents[_index] : NO_MORE_DOCS;
        public override int Freq => _frequencies[_index];
        public override long GetCost() => _documents.Length;
        public override float GetScore() => TermLeaf.Leaf.Score(_scoring, _documents[_index], _frequencies[_index]);

        public override int NextDoc()
        {
            while (++_index < _documents.Length && !Accepted(_documents[_index]))
            {
            }
            return DocID;
        }

        public override int Advance(int target)
        {
            while (++_index < _documents.Length && (_documents[_index] < target || !Accepted(_documents[_index])))
            {
            }
            return DocID;
        }

        private bool Accepted(int doc) => _acceptWords is { } words ? (words[doc >> 6] & (1L << doc)) != 0 : _accept is null || _accept.Get(doc);

        public void AddTo<TSink>(TSink sink, int end, int mask) where TSink : struct, IWindowSink
        {
            var (weight, divisors, norms, k1) = _scoring;
            var (documents, frequencies, words) = (_documents, _frequencies, _acceptWords);
            var i = _index;
            for (; i < documents.Length; i++)
            {
                var doc = documents[i];
                if (doc >= end)
                {
                    break;
                }
                if (words is not null ? (words[doc >> 6] & (1L << doc)) == 0 : _accept is not null && !_accept.Get(doc))
                {
                    continue;
                }
                float freq = frequencies[i];
                var divisor = norms is null ? k1 : divisors[norms[doc]];
                sink.Add(doc & mask, weight * freq / (freq + divisor));
            }
            _index = i;
        }

        public void Release()
        {
        }
    }
}
