namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>A publish or unpublish due at a time (UTC), per culture ("" = all cultures of the item).</summary>
internal sealed class ContentScheduleEntity
{
    public long Id { get; set; }
    public Guid NodeKey { get; set; }
    public required string Culture { get; set; }
    public required string Action { get; set; }
    public DateTime DueUtc { get; set; }
    public string? RequestedBy { get; set; }
}
