using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice;

/// <summary>The signed-in user's own settings: password, sessions ("sign out everywhere"), two-factor authentication.</summary>
public sealed class AccountModel(UserManager<BackOfficeUser> users, SignInManager<BackOfficeUser> signIn, ContentStore store, IUserStore<BackOfficeUser> userStore) : BackOfficePageModel
{
    private IUserAuthenticatorKeyStore<BackOfficeUser> KeyStore => (IUserAuthenticatorKeyStore<BackOfficeUser>)userStore;

    public bool TwoFactorEnabled { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string? PasswordError { get; private set; }
    public string? CodeError { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword ?? "");
        if (!result.Succeeded)
        {
            PasswordError = IdentityMessages.Describe(result);
            await LoadAsync();
            return Page();
        }
        await store.AddAuditAsync(Actor, "password-change", cancellationToken: HttpContext.RequestAborted);
        // The stamp changed: sign in again here so only the other sessions end.
        await signIn.RefreshSignInAsync(user);
        Flash = "Mot de passe changé. Vos autres sessions ont été fermées.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await users.UpdateSecurityStampAsync(user);
        await store.AddAuditAsync(Actor, "sign-out-everywhere", cancellationToken: HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return Redirect(BackOfficeExtensions.BasePath + "/connexion");
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code ?? ""))
        {
            CodeError = "Code incorrect : vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant.";
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await store.AddAuditAsync(Actor, "two-factor-enabled", cancellationToken: HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        Flash = "Double authentification activée.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await store.AddAuditAsync(Actor, "two-factor-disabled", cancellationToken: HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        Flash = "Double authentification désactivée.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: it changes the security stamp, which would end the user's
            // other sessions just for opening this page. The key is inert until two-factor is turned on.
            key = users.GenerateNewAuthenticatorKey();
            await KeyStore.SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Pôle ESS")}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString("Pôle ESS")}&digits=6";
        return true;
    }
}
