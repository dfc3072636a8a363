using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Site.Pages.Pole.Members;

/// <summary><c>/espace-membre/mot-de-passe?id=…&amp;jeton=…</c>: the link of the reset e-mail; a new password, checked by the account's rules.</summary>
public sealed class ResetPasswordModel(UserManager<PoleMember> users, MemberAccountStore accounts) : MemberPageModel(users)
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "jeton")] public string? Token { get; set; }
    [BindProperty] public string NewPassword { get; set; } = "";
    [BindProperty] public string ConfirmPassword { get; set; } = "";

    public bool LinkValid { get; private set; }
    public bool Done { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        ViewData["Title"] = "Nouveau mot de passe";
        LinkValid = await accounts.IsPasswordResetValidAsync(Id, Token);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = "Nouveau mot de passe";
        LinkValid = await accounts.IsPasswordResetValidAsync(Id, Token);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (NewPassword != ConfirmPassword)
        {
            Errors["confirm"] = "Les deux mots de passe ne sont pas identiques.";
        }
        else
        {
            var result = await accounts.ResetPasswordAsync(Id, Token, NewPassword);
            if (result is { Succeeded: true })
            {
                Done = true;
                return Page();
            }
            Errors["password"] = result is null ? "Ce lien n'est pas (ou plus) valide." : string.Join(" ", result.Errors.Select(RegisterModel.Translate));
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
