using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PoleKnowledge.Cms.Search.Facets;

/// <summary>Counts the values of several facet fields over the matching documents, segment by segment, with <see cref="SegmentOrdinals"/>.</summary>
internal sealed class FacetCountCollector : ICollector
{
    private readonly string[] _fields;
    private readonly Dictionary<string, int>[] _totals;
    private SegmentOrdinals[] _segment = [];
    private int[][] _counts = [];

    public FacetCountCollector(IEnumerable<string> fields)
    {
        _fields = [.. fields];
        _totals = [.. _fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segment = [.. _fields.Select(f => SegmentOrdinals.For(context.AtomicReader, f))];
        _counts = [.. _segment.Select(s => new int[s.Values.Length])];
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _segment.Length; f++)
        {
            var segment = _segment[f];
            var counts = _counts[f];
            var ordinals = segment.Ordinals;
            for (int i = segment.Starts[doc], end = segment.Starts[doc + 1]; i < end; i++)
            {
                counts[ordinals[i]]++;
            }
        }
    }

    /// <summary>Value → count for one of the fields (call after the search).</summary>
    public IReadOnlyDictionary<string, int> CountsOf(string field)
    {
        Flush();
        return _totals[Array.IndexOf(_fields, field)];
    }

    private void Flush()
    {
        for (var f = 0; f < _counts.Length; f++)
        {
            var counts = _counts[f];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    var value = _segment[f].Values[ord];
                    _totals[f][value] = _totals[f].GetValueOrDefault(value) + counts[ord];
                    counts[ord] = 0;
                }
            }
        }
    }
}
