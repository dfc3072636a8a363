using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>
/// Runs Delivery API queries on the <see cref="ContentIndex"/> (Umbraco's Examine query provider): the
/// conjunction of selector, culture, allowed types and every filter — each clause's documents a bit set
/// cached per segment (<see cref="ClauseBitSetCache"/>), never scored — sorted by the requested
/// sorts then by tree order, so equal keys and "no sort" are deterministic and paging never repeats or
/// skips an item. Only the <c>id</c> doc values of the page are read; no stored field is loaded.
/// </summary>
internal sealed partial class LuceneDeliveryQueryExecutor(ContentIndex index, ILogger<LuceneDeliveryQueryExecutor> logger) : IDeliveryQueryExecutor
{
    private readonly ClauseBitSetCache _clauseCache = new();
    private readonly QueryResultCache _results = new();

    public DeliveryQueryResult Execute(DeliveryQuery query)
    {
        if (!index.IsOpen)
        {
            // The first build still runs: say so (503 + Retry-After at the edge) rather than answer an empty page.
            throw new ContentIndexNotReadyException();
        }
        return index.Search(searcher => _results.GetOrRun(searcher, query, () => Run(searcher, query)));
    }

    private DeliveryQueryResult Run(IndexSearcher searcher, DeliveryQuery query)
    {
        var lucene = BuildQuery(query);
        if (lucene is null)
        {
            return new DeliveryQueryResult(0, []);
        }
        var sort = BuildSort(query.Sorts, query.Selector.FieldName == ContentIndexFieldNames.ParentId);
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
    }

    /// <summary>
    /// Null when the query cannot match anything (empty selector, empty allow-list). Otherwise a constant-score
    /// query over the conjunction of the clauses' cached bit sets: selector, culture, allowed types, filters.
    /// </summary>
    private ConstantScoreQuery? BuildQuery(DeliveryQuery query)
    {
        if (query.Selector.Values.Count == 0 || query.AllowedContentTypes is { Count: 0 })
        {
            return null;
        }
        if (AnyOf(query.Selector.FieldName, query.Selector.Values) is not { } selector)
        {
            return null;
        }
        var clauses = new List<CachedClause>(4 + query.Filters.Count)
        {
            Clause(selector, negated: false),
            Clause(new TermQuery(new Term(ContentIndexFieldNames.Culture, query.Culture.ToLowerInvariant())), negated: false),
        };
        if (query.AllowedContentTypes is { } allowed && AnyOf(ContentIndexFieldNames.ContentType, [.. allowed.Order(StringComparer.Ordinal)]) is { } allowedQuery)
        {
            clauses.Add(Clause(allowedQuery, negated: false));
        }
        if (query.DisallowedContentTypes is { Count: > 0 } disallowed && AnyOf(ContentIndexFieldNames.ContentType, [.. disallowed.Order(StringComparer.Ordinal)]) is { } disallowedQuery)
        {
            clauses.Add(Clause(disallowedQuery, negated: true));
        }
        foreach (var filter in query.Filters)
        {
            if (FilterClause(filter) is { } clause)
            {
                clauses.Add(clause);
            }
        }
        return new ConstantScoreQuery(new ClauseConjunctionFilter(_clauseCache, clauses));
    }

    /// <summary>The clause's text form names the documents it matches (field, terms, ranges): it is the cache key.</summary>
    private static CachedClause Clause(Query query, bool negated) => new(query.ToString(), query, negated);

    private CachedClause? FilterClause(FilterOption filter)
    {
        if (!index.Fields.TryGetValue(filter.FieldName, out var field))
        {
            logger.LogWarning("Filter on {Field}, which no index field provider declares: ignored.", filter.FieldName);
            return null;
        }
        var negated = filter.Operator is FilterOperation.IsNot or FilterOperation.DoesNotContain;
        var clause = filter.Operator switch
        {
            FilterOperation.Is or FilterOperation.IsNot => AnyOf(filter.FieldName, filter.Values),
            FilterOperation.Contains or FilterOperation.DoesNotContain => AnyContains(field, filter.Values),
            _ => Range(field, filter),
        };
        // Values that do not parse (a date such as "yesterday") make the filter a no-op, as in Umbraco.
        return clause is null ? null : Clause(clause, negated);
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
