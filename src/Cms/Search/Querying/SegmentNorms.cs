using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// A segment's length norms of one field as a plain byte array, read once per segment core (norms never change
/// for a core) and kept as long as the core lives: <see cref="TermLeaf"/> reads a byte per posting instead of a
/// virtual call through Lucene's norms reader. One byte per document and field (100 KB per field on 100,000 documents).
/// </summary>
internal static class SegmentNorms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, byte[]?>> Cores = [];

    /// <summary>Null when the field has no norms in this segment (BM25 then scores as if every length were average, as Lucene does).</summary>
    public static byte[]? Of(AtomicReader reader, string field) =>
        Cores.GetValue(reader.CoreCacheKey, static _ => new ConcurrentDictionary<string, byte[]?>(StringComparer.Ordinal))
            .GetOrAdd(field, static (name, segment) => Read(segment, name), reader);

    private static byte[]? Read(AtomicReader reader, string field)
    {
        if (reader.GetNormValues(field) is not { } norms)
        {
            return null;
        }
        var bytes = new byte[reader.MaxDoc];
        for (var doc = 0; doc < bytes.Length; doc++)
        {
            bytes[doc] = (byte)norms.Get(doc);
        }
        return bytes;
    }
}
