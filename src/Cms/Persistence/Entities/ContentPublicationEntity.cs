namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>
/// The published state of an item in one culture ("" for invariant items). Properties are kept in
/// their published form (Markdown already rendered), so the published cache loads without rendering.
/// </summary>
internal sealed class ContentPublicationEntity
{
    public long Id { get; set; }
    public Guid NodeKey { get; set; }
    public required string Culture { get; set; }
    public int VersionNumber { get; set; }
    public required string Name { get; set; }
    public required string UrlSegment { get; set; }
    public DateTime PublishDateUtc { get; set; }
    public DateTime UpdateDateUtc { get; set; }
    /// <summary>JSON object alias → published value.</summary>
    public required string Properties { get; set; }
}
