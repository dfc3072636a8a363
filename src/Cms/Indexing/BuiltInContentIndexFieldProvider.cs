using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// The engine's fields (Umbraco's built-in index handlers): content type, name (sortable and analysed),
/// dates, tree position (parent, ancestors, level, sort order). Registered first, so its names win.
/// </summary>
internal sealed class BuiltInContentIndexFieldProvider : IContentIndexFieldProvider
{
    public IEnumerable<IndexFieldDefinition> Fields { get; } =
    [
        new(ContentIndexFieldNames.ContentType, IndexFieldType.Keyword),
        new(ContentIndexFieldNames.Name, IndexFieldType.Keyword, Sortable: true),
        new(ContentIndexFieldNames.NameText, IndexFieldType.Text),
        new(ContentIndexFieldNames.CreateDate, IndexFieldType.Date, Sortable: true),
        new(ContentIndexFieldNames.UpdateDate, IndexFieldType.Date, Sortable: true),
        new(ContentIndexFieldNames.Level, IndexFieldType.Integer, Sortable: true),
        new(ContentIndexFieldNames.SortOrder, IndexFieldType.Integer, Sortable: true),
        new(ContentIndexFieldNames.ParentId, IndexFieldType.Keyword),
        new(ContentIndexFieldNames.AncestorIds, IndexFieldType.Keyword, MultipleValues: true),
    ];

    public IEnumerable<IndexFieldValue> GetValues(PublishedContent item, string culture, IndexingContext context)
    {
        var data = item.ForCulture(culture);
        if (data is null)
        {
            yield break;
        }
        yield return new(ContentIndexFieldNames.ContentType, item.ContentType);
        // Lower-cased only (not folded), as Umbraco's sortName: the pôle's title sort folds accents.
        yield return new(ContentIndexFieldNames.Name, data.Name.ToLowerInvariant());
        yield return new(ContentIndexFieldNames.NameText, data.Name);
        yield return new(ContentIndexFieldNames.CreateDate, item.CreateDate);
        yield return new(ContentIndexFieldNames.UpdateDate, data.UpdateDate);
        yield return new(ContentIndexFieldNames.Level, (long)item.Level);
        yield return new(ContentIndexFieldNames.SortOrder, (long)item.SortOrder);
        yield return new(ContentIndexFieldNames.ParentId, ContentIndexFieldNames.FormatKey(item.ParentKey ?? Guid.Empty));
        foreach (var ancestor in context.Cache.AncestorsOf(item))
        {
            yield return new(ContentIndexFieldNames.AncestorIds, ContentIndexFieldNames.FormatKey(ancestor.Key));
        }
    }
}
