namespace PoleKnowledge.Extensions.Persistence;

/// <summary>What a retention run did: which scope (a group, a form), deleted or anonymised, how many rows.</summary>
internal sealed class RetentionLogEntity
{
    public long Id { get; set; }
    public DateTime RunUtc { get; set; }
    public required string Scope { get; set; }
    public required string Action { get; set; }
    public int Count { get; set; }
}
