namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>
/// The outbox: one row per changed item, appended in the write's transaction. Consumers (published
/// cache, index, webhooks) apply rows in <see cref="Sequence"/> order and remember the last one applied.
/// </summary>
internal sealed class ChangeFeedEntity
{
    public long Sequence { get; set; }
    public DateTime DateUtc { get; set; }
    public required string Kind { get; set; }
    public Guid NodeKey { get; set; }
}
