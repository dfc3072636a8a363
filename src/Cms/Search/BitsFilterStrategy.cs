using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Applies a filter that has random-access bits (the culture's bit set) as the accepted documents of the query,
/// for bulk scoring too: Lucene's random-access strategy hands the bits to the query's document-at-a-time scorer
/// only, so a query with its own bulk scorer (<see cref="Querying.UnitsQuery"/>) never got to use it.
/// </summary>
internal sealed class BitsFilterStrategy : FilteredQuery.RandomAccessFilterStrategy
{
    public static readonly BitsFilterStrategy Instance = new();

    public override BulkScorer FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet) =>
        docIdSet.Bits is { } bits
            ? weight.GetBulkScorer(context, scoreDocsInOrder, bits)
            : base.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet);

    protected override bool UseRandomAccess(Lucene.Net.Util.IBits bits, int firstFilterDoc) => true;
}
