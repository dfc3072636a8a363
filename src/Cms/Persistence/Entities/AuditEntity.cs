namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>Who did what to which item, when. Written in the same transaction as the change.</summary>
internal sealed class AuditEntity
{
    public long Id { get; set; }
    public DateTime DateUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public Guid? NodeKey { get; set; }
    public string? Culture { get; set; }
    public string? Detail { get; set; }
}
