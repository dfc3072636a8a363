using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// A sloppy phrase (no term twice) scored on a given list of documents only: the bonus phrases of
/// <see cref="BonusRescorer"/>, asked about the best 50 hits. It scores each of those documents exactly as
/// <see cref="PhraseQuery"/> does (same similarity weight, same phrase frequency: <see cref="HitPhraseScorer"/>),
/// but it looks its terms up once per search (<see cref="TermStates"/>), reuses this thread's positions enumerators
/// (a new one clones the memory-mapped postings file under a lock) and never reads a document that is not a hit:
/// Lucene's sloppy phrase scorer, asked for a hit without the phrase, computes the phrase frequency of every
/// document holding all its terms until the next one that has it. Those three costs were a quarter of an uncached
/// search through the API on 100,000 documents.
/// </summary>
internal sealed class HitPhraseQuery : Query
{
    private readonly Term[] _terms;
    private readonly int[] _positions;
    private readonly TermContext[] _contexts;
    private readonly int[] _documents;
    private readonly List<HitPhraseScorer> _scorers = [];

    /// <param name="phrase">A phrase <see cref="Supports"/> accepts.</param>
    /// <param name="states">The search's term lookups.</param>
    /// <param name="documents">The documents to score (top-level numbers, ascending).</param>
    public HitPhraseQuery(PhraseQuery phrase, TermStates states, int[] documents)
    {
        _terms = phrase.GetTerms();
        _positions = phrase.GetPositions();
        _contexts = [.. _terms.Select(states.Context)];
        _documents = documents;
        Slop = phrase.Slop;
        Boost = phrase.Boost;
    }

    public int Slop { get; }

    /// <summary>Sloppy phrases of two or more distinct terms on one field (Lucene scores repeated terms and exact phrases with other algorithms).</summary>
    public static bool Supports(PhraseQuery phrase)
    {
        var terms = phrase.GetTerms();
        return phrase.Slop > 0 && terms.Length > 1 && terms.Distinct().Count() == terms.Length;
    }

    /// <summary>Gives this thread's positions enumerators back; call once the scorers are done.</summary>
    public void Release()
    {
        foreach (var scorer in _scorers)
        {
            scorer.Release();
        }
        _scorers.Clear();
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new HitPhraseWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var term in _terms)
        {
            terms.Add(term);
        }
    }

    public override string ToString(string field) =>
        $"hits({string.Join(' ', _terms.Select(t => t.Text))})~{Slop}" + (Boost != 1f ? $"^{Boost}" : "");

    // Made per search for one list of hits: equal only to itself.
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    private sealed class HitPhraseWeight : Weight
    {
        private readonly HitPhraseQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        public HitPhraseWeight(HitPhraseQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            var statistics = new TermStatistics[query._terms.Length];
            for (var i = 0; i < statistics.Length; i++)
            {
                statistics[i] = searcher.TermStatistics(query._terms[i], query._contexts[i]);
            }
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query._terms[0].Field), statistics);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var documents = _query._documents;
            var (from, to) = (LowerBound(documents, context.DocBase), LowerBound(documents, context.DocBase + context.Reader.MaxDoc));
            if (from == to)
            {
                return null;
            }
            var field = _query._terms[0].Field;
            var postings = new DocsAndPositionsEnum[_query._terms.Length];
            var opened = 0;
            for (; opened < postings.Length; opened++)
            {
                var term = _query._terms[opened];
                if (_query._contexts[opened].TopReaderContext != ReaderUtil.GetTopLevelContext(context)
                    || _query._contexts[opened].Get(context.Ord) is not { } state
                    || TermLeaf.TermsOf(_query._contexts[opened].TopReaderContext.Reader, context.AtomicReader, field) is not { } terms)
                {
                    break;
                }
                terms.SeekExact(term.Bytes, state);
                if (terms.DocsAndPositions(acceptDocs, TermLeaf.RentPositions(context.AtomicReader, field), DocsAndPositionsFlags.NONE) is not { } positions)
                {
                    throw new InvalidOperationException($"Field '{field}' was indexed without positions: cannot score a phrase on it.");
                }
                postings[opened] = positions;
            }
            if (opened < postings.Length)
            {
                // A term the segment lacks: no document of it holds the phrase.
                for (var i = 0; i < opened; i++)
                {
                    TermLeaf.ReturnPositions(context.AtomicReader, field, postings[i]);
                }
                return null;
            }
            var local = new int[to - from];
            for (var i = 0; i < local.Length; i++)
            {
                local[i] = documents[from + i] - context.DocBase;
            }
            // The documents of the terms whose postings are in memory rule out most hits lacking a term before any positions are read.
            var held = _query._terms.Select(t => HotPostings.DocumentsIfHeld(context.AtomicReader, t)).Where(d => d is not null).ToArray();
            var scorer = new HitPhraseScorer(this, postings, _query._positions, _query.Slop, _similarity.GetSimScorer(_stats, context), local, (context.AtomicReader, field), held!);
            _query._scorers.Add(scorer);
            return scorer;
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is not HitPhraseScorer scorer)
            {
                return new ComplexExplanation(false, 0f, "no matching phrase");
            }
            try
            {
                return scorer.Advance(doc) == doc
                    ? new Explanation(scorer.GetScore(), $"{_query}, {scorer.Freq} match(es) on a hit")
                    : new ComplexExplanation(false, 0f, "no matching phrase");
            }
            finally
            {
                scorer.Release();
                _query._scorers.Remove(scorer);
            }
        }

        /// <summary>The index of the first document at or after <paramref name="value"/> (the documents are distinct).</summary>
        private static int LowerBound(int[] sorted, int value)
        {
            var index = Array.BinarySearch(sorted, value);
            return index >= 0 ? index : ~index;
        }
    }
}
