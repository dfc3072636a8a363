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

    private readonly Term _term;
    private readonly TermContext _context;
    private readonly Similarity _similarity;
    private readonly Similarity.SimWeight _stats;

    public TermLeaf(IndexSearcher searcher, PreparedTermQuery query, float norm, float topLevelBoost)
    {
        _term = query.Term;
        _context = query.Context;
        _similarity = searcher.Similarity;
        _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(_term.Field), searcher.TermStatistics(_term, _context));
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
        _terms ??= [];
        _docs ??= [];
        if (!ReferenceEquals(_reader, _context.TopReaderContext.Reader))
        {
            _terms.Clear();
            _docs.Clear();
            _reader = _context.TopReaderContext.Reader;
        }
        if (!_terms.TryGetValue(key, out var terms))
        {
            terms = context.AtomicReader.GetTerms(_term.Field)?.GetEnumerator();
            _terms[key] = terms;
        }
        if (terms is null)
        {
            return null;
        }
        terms.SeekExact(_term.Bytes, state);
        var reuse = _docs.TryGetValue(key, out var free) && free.Count > 0 ? free.Pop() : null;
        var docs = terms.Docs(acceptDocs, reuse);
        return docs is null ? null : new Leaf(weight, docs, _similarity.GetSimScorer(_stats, context), key);
    }

    /// <summary>Scores as Lucene's term scorer does; gives its postings enumerator back with <see cref="Release"/>.</summary>
    internal sealed class Leaf(Weight weight, DocsEnum docs, Similarity.SimScorer scorer, (object Core, string Field) key) : Scorer(weight)
    {
        private bool _released;

        public override int DocID => docs.DocID;
        public override int Freq => docs.Freq;
        public override int NextDoc() => docs.NextDoc();
        public override int Advance(int target) => docs.Advance(target);
        public override float GetScore() => scorer.Score(docs.DocID, docs.Freq);
        public override long GetCost() => docs.GetCost();

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
}
