using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Site.Pages.Pole.Members;

/// <summary><c>/espace-membre/invitation</c>: the invited member (signed in with the invited address) accepts to co-manage a structure.</summary>
[Authorize(Policy = MemberAuthentication.Policy)]
public sealed class InvitationModel(UserManager<PoleMember> users, StructureProfileStore structures) : MemberPageModel(users)
{
    public bool? Accepted { get; private set; }

    public void OnGet() => ViewData["Title"] = "Invitation";

    public async Task<IActionResult> OnPostAsync(string? jeton)
    {
        ViewData["Title"] = "Invitation";
        if (await CurrentMemberAsync() is not { } member)
        {
            return Challenge(MemberAuthentication.Scheme);
        }
        var key = jeton is null ? null : await structures.AcceptInvitationAsync(member, jeton, HttpContext.RequestAborted);
        if (key is { } accepted)
        {
            return LocalRedirect($"/espace-membre/structures/{accepted}");
        }
        Accepted = false;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
