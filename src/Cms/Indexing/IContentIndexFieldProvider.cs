using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// Adds fields to the content index (Umbraco's IContentIndexHandler): the engine's provider indexes the
/// tree fields (content type, name, dates, parent, ancestors, level, sort order); extensions add theirs
/// (theme, mission, commune…) and the search feature adds analysed text. One document per item and culture.
/// </summary>
public interface IContentIndexFieldProvider
{
    IEnumerable<IndexFieldDefinition> Fields { get; }

    IEnumerable<IndexFieldValue> GetValues(PublishedContent item, string culture, IndexingContext context);
}
