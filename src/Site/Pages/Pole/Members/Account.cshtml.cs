using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Site.Pages.Pole.Members;

/// <summary><c>/espace-membre</c>: the member's structures, invitations to co-manage, data export and account deletion.</summary>
[Authorize(Policy = MemberAuthentication.Policy)]
public sealed class AccountModel(UserManager<PoleMember> users, MemberAccountStore accounts, StructureProfileStore structures) : MemberPageModel(users)
{
    public PoleMember Member { get; private set; } = null!;
    public IReadOnlyList<(Guid Key, string Name, bool IsOwner)> Structures { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge(MemberAuthentication.Scheme);

    /// <summary>Everything held about the member, as a JSON download.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge(MemberAuthentication.Scheme);
        }
        return File(await accounts.ExportAsync(Member, HttpContext.RequestAborted), "application/json", "mes-donnees-pole-ess.json");
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid structure, string? email)
    {
        if (!await LoadAsync())
        {
            return Challenge(MemberAuthentication.Scheme);
        }
        if (await structures.InviteAsync(Member.Id, structure, email ?? "", BaseUrl, HttpContext.RequestAborted))
        {
            Message = $"Invitation envoyée à {email}.";
        }
        else
        {
            Problem = "Invitation impossible : seule la personne propriétaire de la fiche invite, avec une adresse valide.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (!await LoadAsync())
        {
            return Challenge(MemberAuthentication.Scheme);
        }
        if (!confirm)
        {
            Problem = "Cochez la case pour confirmer la suppression.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await accounts.DeleteAsync(Member, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(MemberAuthentication.Scheme);
        return LocalRedirect("/?compte=supprime");
    }

    private async Task<bool> LoadAsync()
    {
        ViewData["Title"] = "Mon espace membre";
        if (await CurrentMemberAsync() is not { } member)
        {
            return false;
        }
        Member = member;
        Structures = await structures.ManagedByAsync(member.Id, HttpContext.RequestAborted);
        return true;
    }
}
