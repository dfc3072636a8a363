using Microsoft.AspNetCore.Identity;

namespace PoleKnowledge.Extensions.Members;

/// <summary>
/// A member account: a person from an ESS structure. Distinct from back-office users (its own tables in
/// the pôle's database, its own cookie scheme <see cref="MemberAuthentication.Scheme"/>), so a member can never
/// reach the back office and the back office's user list holds no members.
/// </summary>
public sealed class PoleMember : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}
