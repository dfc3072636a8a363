namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>
/// One event to deliver to one webhook, and the log of its last attempt. Rows are the delivery queue
/// (<see cref="Status"/> pending, due at <see cref="NextAttemptUtc"/>) and the delivery log at once, so a
/// retry survives a restart; rows older than the retention are deleted.
/// </summary>
internal sealed class WebhookDeliveryEntity
{
    public long Id { get; set; }
    public Guid WebhookKey { get; set; }
    public required string Event { get; set; }
    /// <summary>The item the event is about (empty for a test ping).</summary>
    public Guid NodeKey { get; set; }
    public required string Payload { get; set; }
    /// <summary>pending, succeeded or failed (see <c>WebhookDeliveryStatus</c>).</summary>
    public required string Status { get; set; }
    /// <summary>Attempts made (or started) so far.</summary>
    public int Attempts { get; set; }
    /// <summary>When a pending delivery is due; an attempt in flight pushes it past its timeout (a lease).</summary>
    public DateTime? NextAttemptUtc { get; set; }
    public DateTime CreateDateUtc { get; set; }
    public DateTime? LastAttemptUtc { get; set; }
    public int? StatusCode { get; set; }
    public int? DurationMs { get; set; }
    /// <summary>The start of the receiver's answer, or why there was none (timeout, refused address).</summary>
    public string? Response { get; set; }
}
