using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>
/// Runs Delivery API queries on the <see cref="ContentIndex"/> (Umbraco's Examine query provider): one
/// boolean query (selector AND culture AND allowed types AND every filter), sorted by the requested
/// sorts then by tree order, so equal keys and "no sort" are deterministic and paging never repeats or
/// skips an item. Only the <c>id</c> doc values of the page are read; no stored field is loaded.
/// </summary>
internal sealed partial class LuceneDeliveryQueryExecutor(ContentIndex index, ILogger<LuceneDeliveryQueryExecutor> logger) : IDeliveryQueryExecutor
{
    public DeliveryQueryResult Execute(DeliveryQuery query)
    {
        if (!index.IsOpen)
        {
            // The first build still runs: say so (503 + Retry-After at the edge) rather than answer an empty page.
            throw new ContentIndexNotReadyException();
        }
        var lucene = BuildQuery(query);
        if (lucene is null)
        {
            return new DeliveryQueryResult(0, []);
        }
        var sort = BuildSort(query.Sorts, query.Selector.FieldName == ContentIndexFieldNames.ParentId);
        return index.Search(searcher =>
        {
            var maxDoc = searcher.IndexReader.MaxDoc;
            if (query.Take <= 0 || query.Skip >= maxDoc || maxDoc == 0)
            {
                var counter = new TotalHitCountCollector();
                searcher.Search(lucene, counter);
                return new DeliveryQueryResult(counter.TotalHits, []);
            }
            // Never more hits than documents: a huge skip cannot allocate a huge queue.
            var wanted = (int)Math.Min((long)query.Skip + query.Take, maxDoc);
            var top = searcher.Search(lucene, null, wanted, sort);
            var keys = new List<Guid>(Math.Max(0, top.ScoreDocs.Length - query.Skip));
            var leaves = searcher.IndexReader.Leaves;
            var idValues = new BinaryDocValues?[leaves.Count];
            var bytes = new BytesRef();
            for (var i = query.Skip; i < top.ScoreDocs.Length; i++)
            {
                var doc = top.ScoreDocs[i].Doc;
                var leafIndex = ReaderUtil.SubIndex(doc, leaves);
                var leaf = leaves[leafIndex];
                var values = idValues[leafIndex] ??= leaf.AtomicReader.GetBinaryDocValues(ContentIndexFieldNames.Id);
                values!.Get(doc - leaf.DocBase, bytes);
                keys.Add(new Guid(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)));
            }
            return new DeliveryQueryResult(top.TotalHits, keys);
        });
    }

    /// <summary>Null when the query cannot match anything (empty selector, empty allow-list).</summary>
    private Query? BuildQuery(DeliveryQuery query)
    {
        if (query.Selector.Values.Count == 0 || query.AllowedContentTypes is { Count: 0 })
        {
            return null;
        }
        var root = new BooleanQuery();
        if (AnyOf(query.Selector.FieldName, query.Selector.Values) is not { } selector)
        {
            return null;
        }
        root.Add(selector, Occur.MUST);
        root.Add(new TermQuery(new Term(ContentIndexFieldNames.Culture, query.Culture.ToLowerInvariant())), Occur.MUST);
        if (query.AllowedContentTypes is { } allowed && AnyOf(ContentIndexFieldNames.ContentType, [.. allowed]) is { } allowedQuery)
        {
            root.Add(allowedQuery, Occur.MUST);
        }
        if (query.DisallowedContentTypes is { Count: > 0 } disallowed && AnyOf(ContentIndexFieldNames.ContentType, [.. disallowed]) is { } disallowedQuery)
        {
            root.Add(disallowedQuery, Occur.MUST_NOT);
        }
        foreach (var filter in query.Filters)
        {
            AddFilter(root, filter);
        }
        return root;
    }

    private void AddFilter(BooleanQuery root, FilterOption filter)
    {
        if (!index.Fields.TryGetValue(filter.FieldName, out var field))
        {
            logger.LogWarning("Filter on {Field}, which no index field provider declares: ignored.", filter.FieldName);
            return;
        }
        Query? clause;
        var occur = Occur.MUST;
        switch (filter.Operator)
        {
            case FilterOperation.Is:
                clause = AnyOf(filter.FieldName, filter.Values);
                break;
            case FilterOperation.IsNot:
                clause = AnyOf(filter.FieldName, filter.Values);
                occur = Occur.MUST_NOT;
                break;
            case FilterOperation.Contains:
                clause = AnyContains(field, filter.Values);
                break;
            case FilterOperation.DoesNotContain:
                clause = AnyContains(field, filter.Values);
                occur = Occur.MUST_NOT;
                break;
            default:
                clause = Range(field, filter);
                break;
        }
        // Values that do not parse (a date such as "yesterday") make the filter a no-op, as in Umbraco.
        if (clause is not null)
        {
            root.Add(clause, occur);
        }
    }

    /// <summary>
    /// The requested sorts, then a deterministic tie-break. Numeric when it can be: siblings (a <c>children:</c>
    /// selector, no sort) are in tree order by (sort order, key order); sorted results break ties by key order.
    /// Only descendants/ancestors/all-content queries without a sort need the string tree order.
    /// </summary>
    private Sort BuildSort(IReadOnlyList<SortOption> sorts, bool siblingsOnly)
    {
        var fields = new List<SortField>(sorts.Count + 1);
        foreach (var sort in sorts)
        {
            if (!index.Fields.TryGetValue(sort.FieldName, out var field) || !field.Sortable)
            {
                logger.LogWarning("Sort on {Field}, which is not a sortable index field: ignored.", sort.FieldName);
                continue;
            }
            var descending = sort.Direction == SortDirection.Descending;
            SortField sortField;
            if (field.Type is IndexFieldType.Integer or IndexFieldType.Date)
            {
                sortField = new SortField(field.Name, FieldCache.NUMERIC_UTILS_INT64_PARSER, descending);
                // Items without a value come last in both directions.
                sortField.SetMissingValue(descending ? long.MinValue : long.MaxValue);
            }
            else
            {
                sortField = new SortField(field.Name, SortFieldType.STRING, descending);
                sortField.SetMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
            }
            fields.Add(sortField);
        }
        if (fields.Count == 0 && !siblingsOnly)
        {
            fields.Add(new SortField(ContentIndexFieldNames.TreeOrder, SortFieldType.STRING));
        }
        else
        {
            if (fields.Count == 0)
            {
                fields.Add(new SortField(ContentIndexFieldNames.SortOrder, FieldCache.NUMERIC_UTILS_INT64_PARSER));
            }
            fields.Add(new SortField(ContentIndexFieldNames.KeyOrder, FieldCache.NUMERIC_UTILS_INT64_PARSER));
        }
        return new Sort([.. fields]);
    }
}
