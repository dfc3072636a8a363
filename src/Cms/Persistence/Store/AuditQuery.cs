namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>Filters of the audit log: who, what, which item, when (UTC bounds, inclusive start, exclusive end).</summary>
public sealed record AuditQuery
{
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public Guid? NodeKey { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}
