namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>
/// A content blueprint (Umbraco's "content template"): a named set of values of one document type that new
/// items start from. Kept apart from content so it is never routed, published, indexed or delivered.
/// </summary>
internal sealed class ContentBlueprintEntity
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    /// <summary>The values as <see cref="Content.ContentData"/> JSON (names and values of every culture).</summary>
    public required string Data { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreateDateUtc { get; set; }
}
