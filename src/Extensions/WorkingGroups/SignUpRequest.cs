namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// A sign-up as the form delivers it. <see cref="EmailVerified"/> is true for a signed-in member whose
/// e-mail is already confirmed: no double opt-in, a seat (or a waiting place) is allocated at once.
/// </summary>
public sealed record SignUpRequest(Guid GroupKey, string Email, string Name, string? StructureName, string? Role, string? Category, string? Brings, string? Expects, bool Consent, string BaseUrl)
{
    public bool EmailVerified { get; init; }
}
