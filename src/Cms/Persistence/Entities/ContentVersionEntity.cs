namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>
/// One saved state of an item. Every save writes a new version; values of all cultures are one JSON
/// document (<see cref="Content.ContentData"/>) so reading an item is reading one row, and schema
/// changes never need data migrations (a removed property's values stay in old versions).
/// </summary>
internal sealed class ContentVersionEntity
{
    public long Id { get; set; }
    public Guid NodeKey { get; set; }
    public int Number { get; set; }
    public DateTime CreateDateUtc { get; set; }
    public string? Author { get; set; }
    public required string Data { get; set; }
}
