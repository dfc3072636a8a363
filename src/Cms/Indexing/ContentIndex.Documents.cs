using System.Globalization;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Cms.Indexing;

public sealed partial class ContentIndex
{
    /// <summary>
    /// Re-indexes changed items from the published cache (already updated: it is applied first) and records
    /// <paramref name="position"/>. The value of each key says whether its descendants are re-indexed too:
    /// a move, a sort, a publish or an unpublish changes their tree order, ancestors or routability. An item
    /// no longer published or routable simply loses its documents.
    /// </summary>
    public void Apply(IReadOnlyDictionary<Guid, bool> changes, long position)
    {
        lock (_writeLock)
        {
            var live = _live;
            if (live is null)
            {
                var waiting = _changesDuringRebuild ??= [];
                // First build still running (no live index yet): remember the changes for the swap and move on,
                // so the feed consumer is not held back.
                foreach (var (key, descendants) in changes)
                {
                    waiting[key] = waiting.GetValueOrDefault(key) || descendants;
                }
                _positionWhileBuilding = Math.Max(_positionWhileBuilding, position);
                return;
            }
            ApplyTo(live, changes);
            // Searchable now (near-real-time reader), durable after the commit's fsync.
            live.Searchers.MaybeRefreshBlocking();
            Commit(live, position);
            if (_changesDuringRebuild is { } pending)
            {
                // Replayed on the new generation at the swap: it may have read the cache before these changes.
                foreach (var (key, descendants) in changes)
                {
                    pending[key] = pending.GetValueOrDefault(key) || descendants;
                }
            }
        }
    }

    private void ApplyTo(ContentIndexGeneration generation, IReadOnlyDictionary<Guid, bool> changes)
    {
        var writer = generation.Writer;
        // Deletes first, adds after: a delete only affects documents added before it.
        foreach (var (key, descendants) in changes)
        {
            var term = KeyTerm(key);
            writer.DeleteDocuments(new Term(ContentIndexFieldNames.Id, term));
            if (descendants)
            {
                writer.DeleteDocuments(new Term(ContentIndexFieldNames.AncestorIds, term));
            }
        }
        var context = NewIndexingContext();
        var done = new HashSet<Guid>();
        foreach (var (key, descendants) in changes)
        {
            foreach (var item in descendants ? Subtree(key) : _cache.Get(key) is { } single ? [single] : [])
            {
                if (done.Add(item.Key))
                {
                    // Update, not add: an item reached through two changed ancestors, or changed alone, is written once.
                    writer.UpdateDocuments(new Term(ContentIndexFieldNames.Id, KeyTerm(item.Key)), BuildDocuments(item, context));
                }
            }
        }
    }

    /// <summary>The item and its published descendants, depth first (none when the item is not published).</summary>
    private IEnumerable<PublishedContent> Subtree(Guid key)
    {
        if (_cache.Get(key) is not { } item)
        {
            yield break;
        }
        var stack = new Stack<PublishedContent>();
        stack.Push(item);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in _cache.ChildrenOf(current.Key).Reverse())
            {
                stack.Push(child);
            }
        }
    }

    private IndexingContext NewIndexingContext() => new() { Schema = _schema, Cache = _cache };

    private static BytesRef KeyTerm(Guid key) => new(ContentIndexFieldNames.FormatKey(key));

    /// <summary>One document per culture the item is routable in (all cultures of the schema for an invariant item).</summary>
    private List<Document> BuildDocuments(PublishedContent item, IndexingContext context)
    {
        var documents = new List<Document>();
        var fields = context.Fields;
        fields.Reset();
        string? treeOrder = null;
        foreach (var culture in _schema.Cultures)
        {
            if (item.ForCulture(culture) is null || _cache.GetRoute(item.Key, culture) is null)
            {
                continue;
            }
            treeOrder ??= TreeOrderOf(item);
            var document = new Document
            {
                fields.Keyword(ContentIndexFieldNames.Id, ContentIndexFieldNames.FormatKey(item.Key)),
                // Queries read keys from doc values: no stored field is ever loaded.
                fields.BinaryDocValues(ContentIndexFieldNames.Id, new BytesRef(item.Key.ToByteArray())),
                fields.Keyword(ContentIndexFieldNames.Culture, culture.ToLowerInvariant()),
                fields.Keyword(ContentIndexFieldNames.IndexType, ContentIndexFieldNames.IndexTypeContent),
                fields.SortedDocValues(ContentIndexFieldNames.TreeOrder, new BytesRef(treeOrder)),
                fields.Int64(ContentIndexFieldNames.KeyOrder, ContentIndexFieldNames.KeyOrderOf(item.Key)),
            };
            var withDocValues = new HashSet<string>(StringComparer.Ordinal);
            foreach (var provider in _providers)
            {
                foreach (var value in provider.GetValues(item, culture, context))
                {
                    AddValue(document, value, withDocValues, fields);
                }
            }
            documents.Add(document);
        }
        return documents;
    }

    private void AddValue(Document document, IndexFieldValue value, HashSet<string> withDocValues, ReusableFields fields)
    {
        if (!_fields.TryGetValue(value.FieldName, out var field))
        {
            bool first;
            lock (_undeclaredFields)
            {
                first = _undeclaredFields.Add(value.FieldName);
            }
            if (first)
            {
                _logger.LogWarning("Index field {Field} has a value but no provider declares it: not indexed.", value.FieldName);
            }
            return;
        }
        if (value.Value is null)
        {
            return;
        }
        // Sortable fields keep their first value only (a sort needs one); multi-valued keywords keep them all for facets.
        var firstValue = withDocValues.Add(field.Name);
        switch (field.Type)
        {
            case IndexFieldType.Keyword:
                var text = Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "";
                document.Add(fields.Keyword(field.Name, text));
                if (field.Sortable && firstValue)
                {
                    document.Add(fields.SortedDocValues(field.Name, new BytesRef(text)));
                }
                else if (!field.Sortable && field.MultipleValues)
                {
                    document.Add(fields.SortedSetDocValues(field.Name, new BytesRef(text)));
                }
                break;
            case IndexFieldType.Text:
                document.Add(fields.Text(field.Name, Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? ""));
                break;
            case IndexFieldType.Integer:
            case IndexFieldType.Date:
                var number = field.Type == IndexFieldType.Date ? ToUtcTicks(value.Value) : Convert.ToInt64(value.Value, CultureInfo.InvariantCulture);
                // No numeric doc values: sorts read Lucene's field cache, uninverted once per segment into an array.
                // Lucene.NET's on-disk numeric doc values clone an input per value read, which made a sorted query
                // of 6,000 hits cost ~5 ms; the array is a plain index.
                document.Add(fields.Int64(field.Name, number));
                break;
        }
    }

    /// <summary>Dates are indexed as UTC ticks; a date without a kind is taken as UTC (the store keeps UTC).</summary>
    internal static long ToUtcTicks(object value) => value switch
    {
        DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime().Ticks,
        DateTime date => date.Ticks,
        DateTimeOffset offset => offset.UtcTicks,
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcTicks,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Sort order and key of each node from the root down (see the class remarks).</summary>
    private string TreeOrderOf(PublishedContent item)
    {
        var path = new List<PublishedContent> { item };
        path.AddRange(_cache.AncestorsOf(item));
        var builder = new StringBuilder(path.Count * 40);
        for (var i = path.Count - 1; i >= 0; i--)
        {
            builder.Append(((uint)(path[i].SortOrder ^ int.MinValue)).ToString("x8", CultureInfo.InvariantCulture));
            // "N" hex compares ordinally like Guid.CompareTo (unsigned fields in order), the cache's tie-break.
            builder.Append(path[i].Key.ToString("N"));
        }
        return builder.ToString();
    }
}
