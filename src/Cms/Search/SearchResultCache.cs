using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Results of searches per index reader. A reader is a fixed view of the index and the published cache is
/// updated before the index is (see <see cref="Indexing.ContentIndex.Apply"/>), so the same request on the same
/// reader gives the same page; every publish, unpublish or move opens a new reader and the entries of the old
/// one go with it (weak table). Popular queries ("association", "financement") are then answered without
/// analysis, scoring, facet counting or snippets. When a reader has collected <see cref="MaxEntriesPerReader"/>
/// distinct requests, its entries are dropped and collection starts over, so the queries of the moment stay
/// cached.
/// </summary>
internal sealed class SearchResultCache
{
    public const int MaxEntriesPerReader = 2048;

    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, SearchResult>> _readers = [];

    public SearchResult GetOrRun(IndexReader reader, SearchRequest request, Func<SearchResult> run)
    {
        var entries = _readers.GetValue(reader, static _ => new ConcurrentDictionary<string, SearchResult>(StringComparer.Ordinal));
        var key = KeyOf(request);
        if (entries.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var result = run();
        if (entries.Count >= MaxEntriesPerReader)
        {
            entries.Clear();
        }
        entries.TryAdd(key, result);
        return result;
    }

    /// <summary>Every part of the request that changes its result; parts are length-prefixed so no two requests share a key.</summary>
    internal static string KeyOf(SearchRequest request)
    {
        var key = new StringBuilder(64 + (request.Query?.Length ?? 0));
        Part(key, request.Query ?? "");
        Part(key, request.Culture.ToLowerInvariant());
        Part(key, ((int)request.Sort).ToString(CultureInfo.InvariantCulture));
        Part(key, request.Skip.ToString(CultureInfo.InvariantCulture));
        Part(key, request.Take.ToString(CultureInfo.InvariantCulture));
        Part(key, request.IncludeFacets ? "f" : "-");
        foreach (var (name, values) in request.Filters.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Part(key, name);
            Part(key, values.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var value in values.Order(StringComparer.Ordinal))
            {
                Part(key, value);
            }
        }
        return key.ToString();
    }

    private static void Part(StringBuilder key, string part) => key.Append(part.Length).Append(':').Append(part).Append('|');
}
