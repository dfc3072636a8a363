using Lucene.Net.Index;
using Lucene.Net.Search;
using PoleKnowledge.Cms.Search.Querying;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Two-phase ranking. The query of <see cref="Querying.SearchQueryBuilder"/> is a boolean query whose required
/// clauses decide what matches (the words) and whose optional clauses only add to the score of a match (the
/// exact title, neighbouring words, question words: positional scorers, the dearest part of a query). Scoring
/// those bonuses on every match cost a third of a search over 100,000 documents, where most of the matches never
/// come near the first page. So the matches are ranked on the required clauses alone, and the bonuses are added
/// to the first <see cref="Depth"/> of them only, which are then ranked again. Scores add up (coordination is off
/// at this level and BM25 has no query norm), so a rescored hit has exactly the score the whole query gives it;
/// a hit below the depth would need a bonus larger than the gap to reach the first page.
/// </summary>
internal static class BonusRescorer
{
    /// <summary>
    /// How many of the best matches get their bonuses. Always the same first ones, whatever page is asked: a deeper
    /// page ranks the hits below them on their required clauses, so pages never overlap nor skip a hit. 100 and 50
    /// give the same judged-query figures; 50 halves the positional work.
    /// </summary>
    public const int Depth = 50;

    /// <summary>The required and excluded clauses, and the optional ones apart (null when there are none, or when the query is not a plain sum).</summary>
    public static (Query Core, Query? Bonus) Split(Query query)
    {
        if (query is not BooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: 0 } boolean
            || query.Boost != 1f
            || !boolean.Clauses.Any(c => c.IsRequired)
            || !boolean.Clauses.Any(c => c.Occur == Occur.SHOULD))
        {
            return (query, null);
        }
        var core = new BooleanQuery(disableCoord: true);
        var bonus = new BooleanQuery(disableCoord: true);
        foreach (var clause in boolean.Clauses)
        {
            (clause.Occur == Occur.SHOULD ? bonus : core).Add(clause.Query, clause.Occur);
        }
        return (core, bonus);
    }

    /// <summary>
    /// Adds the bonus score of each of the first <see cref="Depth"/> hits (in place; <paramref name="hits"/> in
    /// descending score order), then orders all the hits by score again (ties by document, as Lucene does).
    /// Scorers are opened only on the segments holding some of those hits, and the sloppy phrases (the dearest
    /// bonuses) are scored on those hits only, with the search's term lookups <paramref name="states"/>
    /// (<see cref="HitPhraseQuery"/>); the other bonus clauses keep Lucene's scorers.
    /// </summary>
    public static void Rescore(IndexSearcher searcher, Query bonus, ScoreDoc[] hits, TermStates? states = null)
    {
        if (hits.Length == 0)
        {
            return;
        }
        var byDoc = hits[..Math.Min(Depth, hits.Length)];
        Array.Sort(byDoc, static (a, b) => a.Doc.CompareTo(b.Doc));
        var phrases = new List<HitPhraseQuery>();
        var restricted = OnHits(bonus, states ?? new TermStates(searcher.IndexReader), [.. byDoc.Select(h => h.Doc)], phrases);
        try
        {
            var weight = searcher.CreateNormalizedWeight(restricted);
            var leaves = searcher.IndexReader.Leaves;
            for (var first = 0; first < byDoc.Length;)
            {
                var context = leaves[ReaderUtil.SubIndex(byDoc[first].Doc, leaves)];
                var end = context.DocBase + context.Reader.MaxDoc;
                var last = first + 1;
                while (last < byDoc.Length && byDoc[last].Doc < end)
                {
                    last++;
                }
                var scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
                for (var i = first; scorer is not null && i < last; i++)
                {
                    var hit = byDoc[i];
                    var target = hit.Doc - context.DocBase;
                    var current = scorer.DocID;
                    if (current < target)
                    {
                        current = scorer.Advance(target);
                    }
                    if (current == target)
                    {
                        hit.Score += scorer.GetScore();
                    }
                }
                first = last;
            }
        }
        finally
        {
            foreach (var phrase in phrases)
            {
                phrase.Release();
            }
        }
        Array.Sort(hits, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
    }

    /// <summary>The bonus query with its sloppy phrases scored on <paramref name="documents"/> only (a copy: the query is read again for the words to highlight).</summary>
    private static Query OnHits(Query query, TermStates states, int[] documents, List<HitPhraseQuery> phrases)
    {
        switch (query)
        {
            case PhraseQuery phrase when HitPhraseQuery.Supports(phrase):
                var restricted = new HitPhraseQuery(phrase, states, documents);
                phrases.Add(restricted);
                return restricted;
            case BooleanQuery boolean when boolean.GetType() == typeof(BooleanQuery):
                var copy = new BooleanQuery(boolean.CoordDisabled) { MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch, Boost = boolean.Boost };
                foreach (var clause in boolean.Clauses)
                {
                    copy.Add(OnHits(clause.Query, states, documents, phrases), clause.Occur);
                }
                return copy;
            case DisjunctionMaxQuery disjunction:
                var max = new DisjunctionMaxQuery(disjunction.TieBreakerMultiplier) { Boost = disjunction.Boost };
                foreach (var disjunct in disjunction.Disjuncts)
                {
                    max.Add(OnHits(disjunct, states, documents, phrases));
                }
                return max;
            default:
                return query;
        }
    }
}
