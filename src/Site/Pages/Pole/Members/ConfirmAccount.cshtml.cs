using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Site.Pages.Pole.Members;

/// <summary><c>/espace-membre/confirmer</c>: the e-mail confirmation link (GET shows a button, POST confirms: mail scanners open links).</summary>
public sealed class ConfirmAccountModel(UserManager<PoleMember> users, MemberAccountStore accounts) : MemberPageModel(users)
{
    public bool? Confirmed { get; private set; }

    public void OnGet() => ViewData["Title"] = "Confirmer mon adresse";

    public async Task<IActionResult> OnPostAsync(string? id, string? jeton)
    {
        ViewData["Title"] = "Confirmer mon adresse";
        Confirmed = id is not null && jeton is not null && await accounts.ConfirmEmailAsync(id, jeton);
        if (Confirmed != true)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
