using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice;

/// <summary>Sets a new password from an e-mailed link; the security stamp changes, so other sessions end.</summary>
public sealed class ResetPasswordModel(UserManager<BackOfficeUser> users, SignInThrottle throttle, ContentStore store) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!throttle.TryAcquire(HttpContext))
        {
            Error = "Trop de tentatives. Réessayez dans une minute.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null || string.IsNullOrEmpty(Token))
        {
            Error = "Ce lien n'est pas valable ou a expiré. Demandez-en un nouveau.";
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, Password ?? "");
        if (!result.Succeeded)
        {
            Error = IdentityMessages.Describe(result);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await store.AddAuditAsync(user.Email ?? "?", "password-reset", cancellationToken: HttpContext.RequestAborted);
        Done = true;
        return Page();
    }
}
