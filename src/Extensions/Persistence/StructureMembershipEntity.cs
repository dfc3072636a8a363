namespace PoleKnowledge.Extensions.Persistence;

/// <summary>A member managing a structure profile (a <c>structureProfile</c> content item): its owner, or an editor the owner invited.</summary>
internal sealed class StructureMembershipEntity
{
    public long Id { get; set; }
    public Guid StructureKey { get; set; }
    public required string MemberId { get; set; }
    public bool IsOwner { get; set; }
    public DateTime CreatedUtc { get; set; }
}
