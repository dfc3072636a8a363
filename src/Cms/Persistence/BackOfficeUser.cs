using Microsoft.AspNetCore.Identity;

namespace PoleKnowledge.Cms.Persistence;

/// <summary>An editor, writer or administrator of the back office (members of structures are a separate account kind).</summary>
public sealed class BackOfficeUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public DateTime CreateDateUtc { get; set; }
}
