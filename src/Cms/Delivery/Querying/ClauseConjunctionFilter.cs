using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>
/// Every required clause AND NOT every negated one, computed per segment by combining the cached bit sets of
/// <see cref="ClauseBitSetCache"/> (a few thousand 64-bit ANDs), then dropping deleted documents. Delivery
/// queries never score — results are sorted — so a query is this filter wrapped in a constant score.
/// </summary>
internal sealed class ClauseConjunctionFilter(ClauseBitSetCache cache, IReadOnlyList<CachedClause> clauses) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        FixedBitSet? result = null;
        foreach (var clause in clauses)
        {
            if (clause.Negated)
            {
                continue;
            }
            var bits = cache.Get(context, clause);
            if (result is null)
            {
                result = bits.Clone();
            }
            else
            {
                result.And(bits);
            }
        }
        if (result is null)
        {
            return null;
        }
        foreach (var clause in clauses)
        {
            if (clause.Negated)
            {
                result.AndNot(cache.Get(context, clause));
            }
        }
        if (acceptDocs is not null)
        {
            for (var doc = result.NextSetBit(0); doc >= 0; doc = doc + 1 < result.Length ? result.NextSetBit(doc + 1) : -1)
            {
                if (!acceptDocs.Get(doc))
                {
                    result.Clear(doc);
                }
            }
        }
        return result;
    }
}
