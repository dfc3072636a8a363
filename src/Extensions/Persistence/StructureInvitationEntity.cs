namespace PoleKnowledge.Extensions.Persistence;

/// <summary>An owner's invitation to manage a structure, accepted by following the e-mailed link while signed in.</summary>
internal sealed class StructureInvitationEntity
{
    public Guid Id { get; set; }
    public Guid StructureKey { get; set; }
    public required string Email { get; set; }
    public required string TokenHash { get; set; }
    public required string InvitedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? AcceptedUtc { get; set; }
}
