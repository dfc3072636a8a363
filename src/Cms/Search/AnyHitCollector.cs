using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PoleKnowledge.Cms.Search;

/// <summary>Whether a query matches anything: stops at the first hit (the searcher moves on when a segment ends its collection).</summary>
internal sealed class AnyHitCollector : ICollector
{
    public bool Found { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        if (Found)
        {
            throw new CollectionTerminatedException();
        }
    }

    public void Collect(int doc)
    {
        Found = true;
        throw new CollectionTerminatedException();
    }
}
