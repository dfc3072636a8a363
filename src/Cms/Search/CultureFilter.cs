using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// The documents of one culture, as a bit set per segment, built once per segment (kept while the segment
/// lives) and applied as the scorers' accepted documents. Every search is restricted to its culture; as a
/// conjunction with the culture's postings this cost a leapfrog step per match, as bits it is one test.
/// </summary>
internal sealed class CultureFilter : Filter
{
    private readonly Term _term;
    private readonly ConditionalWeakTable<object, FixedBitSet> _segments = new();

    public CultureFilter(string culture)
    {
        _term = new Term(ContentIndexFieldNames.Culture, culture.ToLowerInvariant());
    }

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        // Deletions are not in the cached set (they change without a new segment core): they come with acceptDocs.
        var documents = _segments.GetValue(reader.CoreCacheKey, _ => Build(reader));
        return BitsFilteredDocIdSet.Wrap(documents, acceptDocs);
    }

    private FixedBitSet Build(AtomicReader reader)
    {
        var set = new FixedBitSet(reader.MaxDoc);
        var terms = reader.GetTerms(_term.Field)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(_term.Bytes))
        {
            return set;
        }
        var docs = terms.Docs(null, null, DocsFlags.NONE);
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
        {
            set.Set(doc);
        }
        return set;
    }
}
