namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>The last change-feed sequence a shared (database-side) consumer applied.</summary>
internal sealed class ConsumerCheckpointEntity
{
    public required string Name { get; set; }
    public long Sequence { get; set; }
    public DateTime UpdateDateUtc { get; set; }
}
