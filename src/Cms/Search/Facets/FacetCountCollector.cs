using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PoleKnowledge.Cms.Search.Facets;

/// <summary>Counts the values of several facet fields over the matching documents, segment by segment, with <see cref="CombinedOrdinals"/> (one loop per hit over all its values).</summary>
internal sealed class FacetCountCollector : ICollector
{
    private readonly string[] _fields;
    private readonly Dictionary<string, int>[] _totals;
    private CombinedOrdinals? _segment;
    private int[] _counts = [];

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
        _segment = CombinedOrdinals.For(context.AtomicReader, _fields);
        if (_counts.Length < _segment.Values.Length)
        {
            _counts = new int[_segment.Values.Length];
        }
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        var (counts, ordinals) = (_counts, segment.Ordinals);
        for (int i = segment.Starts[doc], end = segment.Starts[doc + 1]; i < end; i++)
        {
            counts[ordinals[i]]++;
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
        if (_segment is not { } segment)
        {
            return;
        }
        var counts = _counts;
        for (var ordinal = 0; ordinal < segment.Values.Length; ordinal++)
        {
            if (counts[ordinal] > 0)
            {
                var totals = _totals[segment.FieldOf[ordinal]];
                var value = segment.Values[ordinal];
                totals[value] = totals.GetValueOrDefault(value) + counts[ordinal];
                counts[ordinal] = 0;
            }
        }
    }
}
