using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Site.Pages.Pole.Members;

/// <summary><c>/espace-membre/connexion</c> and <c>/espace-membre/deconnexion</c>: the members' cookie, never the back office's.</summary>
public sealed class LoginModel(UserManager<PoleMember> users, MemberAccountStore accounts) : MemberPageModel(users)
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public string? Problem { get; private set; }

    public void OnGet() => ViewData["Title"] = "Connexion à l'espace membre";

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ViewData["Title"] = "Connexion à l'espace membre";
        var (member, problem) = await accounts.CheckSignInAsync(Email, Password);
        if (member is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, member.Id), new Claim(ClaimTypes.Name, member.DisplayName), new Claim(ClaimTypes.Email, member.Email ?? "")],
            MemberAuthentication.Scheme);
        await HttpContext.SignInAsync(MemberAuthentication.Scheme, new ClaimsPrincipal(identity));
        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : MemberAuthentication.Area);
    }

    public async Task<IActionResult> OnPostLogoutAsync()
    {
        await HttpContext.SignOutAsync(MemberAuthentication.Scheme);
        return LocalRedirect("/");
    }
}
