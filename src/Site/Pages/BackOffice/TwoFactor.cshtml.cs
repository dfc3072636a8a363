using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice;

/// <summary>Second step of sign-in for users who turned on two-factor authentication.</summary>
public sealed class TwoFactorModel(SignInManager<BackOfficeUser> signIn, SignInThrottle throttle, ContentStore store) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(BackOfficeExtensions.BasePath + "/connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect(BackOfficeExtensions.BasePath + "/connexion");
        }
        if (!throttle.TryAcquire(HttpContext))
        {
            Error = "Trop de tentatives. Réessayez dans une minute.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync((Code ?? "").Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (!result.Succeeded)
        {
            Error = result.IsLockedOut ? SignInModel.GenericError : "Code incorrect ou expiré.";
            return Page();
        }
        await store.AddAuditAsync(user.Email ?? "?", "sign-in", detail: "two-factor", cancellationToken: HttpContext.RequestAborted);
        var target = ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith(BackOfficeExtensions.BasePath, StringComparison.OrdinalIgnoreCase) ? url : BackOfficeExtensions.BasePath;
        return LocalRedirect(target);
    }
}
