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
}
