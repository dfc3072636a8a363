using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Content;

/// <summary>The loaded, validated content schema (one per process; loaded before anything serves).</summary>
public sealed class ContentSchemaHolder(ContentSchema schema)
{
    public ContentSchema Schema { get; } = schema;
}
