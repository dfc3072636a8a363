using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// BM25 with coordination: a hit's score is multiplied by the share of the query's word units it matches, in
/// the boolean queries that ask for it (only the units clause of <see cref="SearchQueryBuilder"/>; every other
/// boolean query disables coord). BM25 alone lets a document matching three words in its title outrank one
/// matching all five in its text ("contrat d'assurance responsabilité civile pour une association": the
/// hunter's liability insurance before the associations' insurance). Cost: one multiplication per hit.
/// </summary>
internal sealed class SearchSimilarity : BM25Similarity
{
    public override float Coord(int overlap, int maxOverlap) => maxOverlap <= 1 ? 1f : (float)overlap / maxOverlap;

    /// <summary>
    /// What BM25 scores a term with, for <see cref="TermLeaf"/>'s own loop: the term's weight (idf × boosts × (k1 + 1))
    /// and the per-norm divisor table, computed in the same order of float operations as Lucene's BM25 weight and doc
    /// scorer, so a score is the same to the bit: <c>weight × freq / (freq + divisor[norm])</c>.
    /// </summary>
    public (float Weight, float[] Divisors) TermScoring(float queryBoost, float topLevelBoost, CollectionStatistics collection, TermStatistics term)
    {
        var idf = IdfExplain(collection, term).Value;
        var weight = idf * queryBoost * topLevelBoost;
        return (weight * (K1 + 1), Divisors(collection.Field, AvgFieldLength(collection)));
    }

    /// <summary>The last length table of each field, shared (read-only): it changes only with the field's average length, that is with a new index reader.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (float AverageLength, float[] Divisors)> _divisors = new(StringComparer.Ordinal);

    private float[] Divisors(string field, float averageLength)
    {
        if (_divisors.TryGetValue(field, out var known) && known.AverageLength == averageLength)
        {
            return known.Divisors;
        }
        var divisors = new float[256];
        for (var i = 0; i < divisors.Length; i++)
        {
            divisors[i] = K1 * ((1 - B) + B * DecodeNormValue((byte)i) / averageLength);
        }
        _divisors[field] = (averageLength, divisors);
        return divisors;
    }
}
