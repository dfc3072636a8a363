using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Rendering;

namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// Turns a draft (the latest version <c>ContentStore.GetAsync</c> reads) into the published shape, at request time, for
/// Delivery API preview: the same <see cref="PublishedPropertiesBuilder"/> publishing uses, so a preview shows
/// exactly what publishing would deliver. Costs a Markdown render per request, which preview can afford.
/// </summary>
public sealed class DeliveryDraftBuilder(ContentSchemaHolder schema, PropertyEditorCollection editors, MarkdownRenderer markdown, PublishedPropertyRules publication)
{
    private readonly PublishedPropertiesBuilder _builder = new();

    /// <summary>The draft as a (not cached) published item, in every culture it has a name in; null when its type left the schema.</summary>
    public PublishedContent? Build(ContentItemView draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var type = schema.Schema.GetDocumentType(draft.ContentType);
        if (type is null)
        {
            return null;
        }
        var cultures = new Dictionary<string, PublishedCulture>(StringComparer.Ordinal);
        IEnumerable<string> names = type.VariesByCulture ? draft.Data.Names.Keys.Where(c => c.Length > 0) : [ContentData.Invariant];
        foreach (var culture in names)
        {
            var publishCulture = culture.Length == 0 ? schema.Schema.DefaultCulture : culture;
            var cultureValues = culture.Length == 0 ? null : draft.Data.CultureValues.GetValueOrDefault(culture);
            var context = new PropertyPublishContext
            {
                Schema = schema.Schema,
                Editors = editors,
                Culture = publishCulture,
                Markdown = markdown,
                Withheld = publication.WithheldFor(type.Alias, draft.Data.InvariantValues, cultureValues),
            };
            var name = draft.Data.Names.GetValueOrDefault(culture) ?? draft.Data.Names.Values.FirstOrDefault() ?? "";
            cultures[culture] = new PublishedCulture
            {
                Culture = culture,
                Name = name,
                UrlSegment = draft.Data.Segments.GetValueOrDefault(culture) ?? UrlSegmentBuilder.Build(name),
                PublishDate = draft.UpdateDate,
                UpdateDate = draft.UpdateDate,
                Properties = _builder.Build(type, draft.Data.InvariantValues, cultureValues, context),
            };
        }
        return new PublishedContent
        {
            Key = draft.Key,
            ContentType = draft.ContentType,
            ParentKey = draft.ParentKey,
            SortOrder = draft.SortOrder,
            Level = draft.Level,
            CreateDate = draft.CreateDate,
            Cultures = cultures,
        };
    }
}
