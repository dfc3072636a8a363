using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// The word units of a query (<see cref="SearchQueryBuilder"/>): optional clauses, coordination on, a minimum
/// number to match. It matches and scores exactly as the <see cref="BooleanQuery"/> it is, but when its hits are
/// collected in bulk (the top hits and the facet counts of a search) it is scored term at a time, window by
/// window (<see cref="WindowedUnitsScorer"/>), instead of with Lucene's minimum-should-match scorer, which
/// advances every field of every word to every candidate through two levels of heaps: on 100,000 documents that
/// scorer was more than half of a search. Inside a conjunction (a facet filter, a quoted phrase) the usual
/// document-at-a-time scorer is used.
/// </summary>
internal sealed class UnitsQuery() : BooleanQuery(disableCoord: false)
{
    public override Weight CreateWeight(IndexSearcher searcher) => new UnitsWeight(this, searcher);

    /// <summary>
    /// Scores in windows when collected in bulk; otherwise (inside a conjunction, or to explain a score) through
    /// the boolean query's own weight, made only then: making weights looks their terms up, and the windowed
    /// path makes its own.
    /// </summary>
    private sealed class UnitsWeight(UnitsQuery query, IndexSearcher searcher) : Weight
    {
        private (float Norm, float TopLevelBoost) _normalization = (1f, 1f);
        private Weight? _boolean;
        private WindowedUnitsScorer.Plan[]? _plans;

        public override Query Query => query;

        public override bool ScoresDocsOutOfOrder => false;

        /// <summary>
        /// BM25 has no query norm (it ignores this value): no need to make the boolean query's weights for it.
        /// Another similarity gets the boolean query's value.
        /// </summary>
        public override float GetValueForNormalization() =>
            searcher.Similarity is Lucene.Net.Search.Similarities.BM25Similarity ? 1f : Boolean.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost)
        {
            _normalization = (norm, topLevelBoost);
            _boolean?.Normalize(norm, topLevelBoost);
            _plans = null;
        }

        public override Explanation Explain(AtomicReaderContext context, int doc) => Boolean.Explain(context, doc);

        public override Scorer GetScorer(AtomicReaderContext context, IBits acceptDocs) => Boolean.GetScorer(context, acceptDocs);

        /// <summary>The boolean query's weight, normalised as this one was.</summary>
        private Weight Boolean
        {
            get
            {
                if (_boolean is null)
                {
                    _boolean = new BooleanWeight(query, searcher, disableCoord: false);
                    _boolean.GetValueForNormalization();
                    _boolean.Normalize(_normalization.Norm, _normalization.TopLevelBoost);
                }
                return _boolean;
            }
        }

        public override BulkScorer GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs)
        {
            if (query.Clauses.Any(c => c.Occur != Occur.SHOULD))
            {
                return Boolean.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
            }
            _plans ??= [.. query.Clauses.Select(c => Plan(c.Query, _normalization.TopLevelBoost * query.Boost))];
            var units = new List<WindowedUnitsScorer.Node>(_plans.Length);
            foreach (var plan in _plans)
            {
                if (plan.Open(this, context, acceptDocs) is { } unit)
                {
                    units.Add(unit);
                }
            }
            var minimum = Math.Max(1, query.MinimumNumberShouldMatch);
            if (units.Count < minimum)
            {
                return null!;
            }
            var coord = new float[_plans.Length + 1];
            for (var i = 0; i < coord.Length; i++)
            {
                // As BooleanWeight.Coord: no coordination for a single clause.
                coord[i] = _plans.Length == 1 ? 1f : searcher.Similarity.Coord(i, _plans.Length);
            }
            return new WindowedUnitsScorer(this, [.. units], minimum, coord);
        }

        /// <summary>
        /// How a unit is scored in windows: a disjunction (best field plus a share of the others) or a sum of
        /// optional clauses (a typo's spellings) opened into its parts, any other query as the scorer of its own
        /// weight; each weight normalised with the boosts its parents give it, so the scores are the unit's own.
        /// </summary>
        private WindowedUnitsScorer.Plan Plan(Query query, float topLevelBoost)
        {
            switch (query)
            {
                case DisjunctionMaxQuery disjunction when disjunction.Disjuncts.Count > 0:
                    return WindowedUnitsScorer.Plan.Max([.. disjunction.Disjuncts.Select(d => Plan(d, topLevelBoost * disjunction.Boost))], disjunction.TieBreakerMultiplier);
                case BooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: <= 1 } boolean
                    when boolean.GetType() == typeof(BooleanQuery) && boolean.Clauses.Count > 0 && boolean.Clauses.All(c => c.Occur == Occur.SHOULD):
                    return WindowedUnitsScorer.Plan.Sum([.. boolean.Clauses.Select(c => Plan(c.Query, topLevelBoost * boolean.Boost))]);
                case ConstantScoreQuery { Query: { } inner } constant:
                    // Lucene's constant weight scores boost × norm × top-level boost (BM25's norm is one).
                    return WindowedUnitsScorer.Plan.Constant([Plan(inner, 1f)], constant.Boost * (_normalization.Norm * topLevelBoost));
                case PreparedTermQuery term:
                    return WindowedUnitsScorer.Plan.Leaf(new TermLeaf(searcher, term, _normalization.Norm, topLevelBoost));
                default:
                    var weight = query.CreateWeight(searcher);
                    weight.GetValueForNormalization();
                    weight.Normalize(_normalization.Norm, topLevelBoost);
                    return WindowedUnitsScorer.Plan.Leaf(weight);
            }
        }
    }
}
