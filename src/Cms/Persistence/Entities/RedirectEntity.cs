namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>A route an item was published at before it moved or was renamed; requests for it redirect (301).</summary>
internal sealed class RedirectEntity
{
    public long Id { get; set; }
    public Guid NodeKey { get; set; }
    public required string Culture { get; set; }
    public required string Route { get; set; }
    public DateTime CreateDateUtc { get; set; }
}
