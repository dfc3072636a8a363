using PoleKnowledge.Extensions.WorkingGroups;

namespace PoleKnowledge.Extensions.Persistence;

/// <summary>One person's sign-up to a working group. Tokens are kept as SHA-256 hashes: only the e-mails carry them.</summary>
internal sealed class SignUpEntity
{
    public Guid Id { get; set; }
    public Guid GroupKey { get; set; }
    /// <summary>Lower-cased e-mail; replaced by an anonymous marker by the retention job.</summary>
    public required string Email { get; set; }
    public required string Name { get; set; }
    public string? StructureName { get; set; }
    public string? Role { get; set; }
    /// <summary>The participant's category (<c>structure-de-base</c>, <c>tete-de-reseau</c>, …): the concertation rule counts base structures.</summary>
    public string? Category { get; set; }
    public string? Brings { get; set; }
    public string? Expects { get; set; }
    public SignUpStatus Status { get; set; }
    /// <summary>Order of arrival among confirmed e-mails: the waiting list is promoted in this order.</summary>
    public long Position { get; set; }
    public string? ConfirmTokenHash { get; set; }
    public string? CancelTokenHash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ConsentUtc { get; set; }
    public DateTime? EmailConfirmedUtc { get; set; }
    public DateTime StatusChangedUtc { get; set; }
    public DateTime? AnonymisedUtc { get; set; }
}
