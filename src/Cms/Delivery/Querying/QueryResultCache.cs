using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Search;

namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>
/// Results of Delivery queries per index searcher — the shard request cache of Elasticsearch: a searcher is a
/// fixed view of the index, so a query run twice on it gives the same page. Every index change (publish,
/// unpublish, move…) opens a new searcher, and the entries of the old one go with it (weak table), so a
/// cached page is never stale. At most <see cref="MaxEntriesPerSearcher"/> pages are kept per searcher;
/// past that, queries run uncached.
/// </summary>
internal sealed class QueryResultCache
{
    public const int MaxEntriesPerSearcher = 4096;

    private readonly ConditionalWeakTable<IndexSearcher, ConcurrentDictionary<string, DeliveryQueryResult>> _searchers = [];

    public DeliveryQueryResult GetOrRun(IndexSearcher searcher, DeliveryQuery query, Func<DeliveryQueryResult> run)
    {
        var entries = _searchers.GetValue(searcher, static _ => new ConcurrentDictionary<string, DeliveryQueryResult>(StringComparer.Ordinal));
        var key = KeyOf(query);
        if (entries.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var result = run();
        if (entries.Count < MaxEntriesPerSearcher)
        {
            entries.TryAdd(key, result);
        }
        return result;
    }

    /// <summary>Every part of the query that changes its result, in a form where distinct queries never collide.</summary>
    internal static string KeyOf(DeliveryQuery query)
    {
        var key = new StringBuilder(128);
        Append(key, query.Selector.FieldName);
        AppendAll(key, query.Selector.Values);
        foreach (var filter in query.Filters)
        {
            Append(key, "f");
            Append(key, filter.FieldName);
            Append(key, ((int)filter.Operator).ToString(System.Globalization.CultureInfo.InvariantCulture));
            AppendAll(key, filter.Values);
        }
        foreach (var sort in query.Sorts)
        {
            Append(key, "s");
            Append(key, sort.FieldName);
            Append(key, sort.Direction.ToString());
        }
        Append(key, "c");
        Append(key, query.Culture.ToLowerInvariant());
        Append(key, query.Skip.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(key, query.Take.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(key, query.AllowedContentTypes is null ? "*" : "a");
        AppendAll(key, query.AllowedContentTypes?.Order(StringComparer.Ordinal).ToList() ?? []);
        Append(key, "d");
        AppendAll(key, query.DisallowedContentTypes?.Order(StringComparer.Ordinal).ToList() ?? []);
        return key.ToString();
    }

    private static void AppendAll(StringBuilder key, IReadOnlyList<string> values)
    {
        Append(key, values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var value in values)
        {
            Append(key, value);
        }
    }

    /// <summary>Length-prefixed, so no value can be read as two (a value holding the separator included).</summary>
    private static void Append(StringBuilder key, string part) => key.Append(part.Length).Append(':').Append(part).Append('|');
}
