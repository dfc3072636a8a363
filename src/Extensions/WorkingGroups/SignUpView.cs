namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>A sign-up as editors and exports see it.</summary>
public sealed record SignUpView(Guid Id, Guid GroupKey, SignUpStatus Status, long Position, string Email, string Name, string? StructureName, string? Role, string? Category, string? Brings, string? Expects, DateTime CreatedUtc, DateTime? EmailConfirmedUtc, bool Anonymised)
{
    /// <summary>When the status last changed (for a pending sign-up: when its confirmation link was sent).</summary>
    public DateTime StatusChangedUtc { get; init; }
}
