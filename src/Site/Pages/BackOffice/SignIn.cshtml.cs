using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice;

/// <summary>
/// Sign-in. Unknown address, wrong password and locked account get the same answer after the same work
/// (a password hash is always checked), so the page tells nobody which addresses have an account.
/// </summary>
public sealed class SignInModel(SignInManager<BackOfficeUser> signIn, SignInThrottle throttle, ContentStore store) : BackOfficePageModel
{
    public const string GenericError = "Adresse e-mail ou mot de passe incorrect, ou compte temporairement bloqué.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => BackOfficeRoles.All.Any(User.IsInRole) ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!throttle.TryAcquire(HttpContext))
        {
            Error = "Trop de tentatives depuis cette adresse. Réessayez dans une minute.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var email = (Email ?? "").Trim();
        var user = email.Length is > 0 and <= 256 ? await signIn.UserManager.FindByEmailAsync(email) : null;
        if (user is null)
        {
            // Same cost as a real check: hash the given password against a fixed dummy hash.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new BackOfficeUser(), DummyHash, Password ?? "");
            Error = GenericError;
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/BackOffice/TwoFactor", new { ReturnUrl = SafeReturnUrl });
        }
        if (!result.Succeeded)
        {
            await store.AddAuditAsync(email, result.IsLockedOut ? "sign-in-locked" : "sign-in-failed", cancellationToken: HttpContext.RequestAborted);
            Error = GenericError;
            return Page();
        }
        await store.AddAuditAsync(user.Email ?? email, "sign-in", cancellationToken: HttpContext.RequestAborted);
        return LocalRedirect(SafeReturnUrl);
    }

    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith(BackOfficeExtensions.BasePath, StringComparison.OrdinalIgnoreCase) ? url : BackOfficeExtensions.BasePath;

    private static readonly string DummyHash = new PasswordHasher<BackOfficeUser>().HashPassword(new BackOfficeUser(), "not-a-real-password-" + Guid.NewGuid());
}
