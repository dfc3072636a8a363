using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace PoleKnowledge.Cms.Search.Facets;

/// <summary>
/// The values of several facet fields of one segment in one flat array (document → range of combined ordinals),
/// made once per segment core and set of fields from each field's <see cref="SegmentOrdinals"/>: counting a hit's
/// facets is then one loop over its values instead of one per field. Combined ordinal <c>g</c> is value
/// <see cref="Values"/>[g] of field <see cref="FieldOf"/>[g].
/// </summary>
internal sealed class CombinedOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, CombinedOrdinals>> Cache = [];

    private CombinedOrdinals(int[] starts, int[] ordinals, int[] fieldOf, string[] values)
    {
        Starts = starts;
        Ordinals = ordinals;
        FieldOf = fieldOf;
        Values = values;
    }

    /// <summary>Document d's combined ordinals are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
    public int[] Starts { get; }
    public int[] Ordinals { get; }
    /// <summary>The index (in the fields asked) of each combined ordinal's field.</summary>
    public int[] FieldOf { get; }
    public string[] Values { get; }

    public static CombinedOrdinals For(AtomicReader reader, string[] fields) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, CombinedOrdinals>(StringComparer.Ordinal))
            .GetOrAdd(string.Join('\u0001', fields), _ => Combine(reader, fields));

    private static CombinedOrdinals Combine(AtomicReader reader, string[] fields)
    {
        var segments = fields.Select(f => SegmentOrdinals.For(reader, f)).ToArray();
        var offsets = new int[segments.Length];
        var fieldOf = new List<int>();
        var values = new List<string>();
        for (var f = 0; f < segments.Length; f++)
        {
            offsets[f] = values.Count;
            values.AddRange(segments[f].Values);
            fieldOf.AddRange(Enumerable.Repeat(f, segments[f].Values.Length));
        }
        var maxDoc = reader.MaxDoc;
        var starts = new int[maxDoc + 1];
        var ordinals = new int[segments.Sum(s => s.Ordinals.Length)];
        var next = 0;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = next;
            for (var f = 0; f < segments.Length; f++)
            {
                var segment = segments[f];
                for (int i = segment.Starts[doc], end = segment.Starts[doc + 1]; i < end; i++)
                {
                    ordinals[next++] = offsets[f] + segment.Ordinals[i];
                }
            }
        }
        starts[maxDoc] = next;
        return new CombinedOrdinals(starts, ordinals, [.. fieldOf], [.. values]);
    }
}
