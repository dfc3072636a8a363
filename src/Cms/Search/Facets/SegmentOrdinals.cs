using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PoleKnowledge.Cms.Search.Facets;

/// <summary>
/// The values of one multi-valued keyword field for every document of one segment, as flat arrays
/// (document → range of ordinals → value). Lucene.NET's <c>SortedSetDocValues</c> costs an iterator walk
/// per document and field; facets count thousands of hits per query, so each segment is read once and kept
/// for the life of its core (a near-real-time reopen shares unchanged segments, so only new ones are read).
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentOrdinals>> Cache = [];

    private SegmentOrdinals(int[] starts, int[] ordinals, string[] values)
    {
        Starts = starts;
        Ordinals = ordinals;
        Values = values;
    }

    /// <summary>Document d's ordinals are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
    public int[] Starts { get; }
    public int[] Ordinals { get; }
    public string[] Values { get; }

    public static SegmentOrdinals For(AtomicReader reader, string field) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, SegmentOrdinals>(StringComparer.Ordinal))
            .GetOrAdd(field, f => Read(reader, f));

    private static SegmentOrdinals Read(AtomicReader reader, string field)
    {
        var docValues = reader.GetSortedSetDocValues(field);
        var maxDoc = reader.MaxDoc;
        var starts = new int[maxDoc + 1];
        if (docValues is null)
        {
            return new SegmentOrdinals(starts, [], []);
        }
        var ordinals = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            docValues.SetDocument(doc);
            long ord;
            while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ordinals.Add((int)ord);
            }
        }
        starts[maxDoc] = ordinals.Count;
        var values = new string[docValues.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < values.Length; ord++)
        {
            docValues.LookupOrd(ord, bytes);
            values[ord] = bytes.Utf8ToString();
        }
        return new SegmentOrdinals(starts, [.. ordinals], values);
    }
}
