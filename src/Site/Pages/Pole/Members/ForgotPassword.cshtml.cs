using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Site.Pages.Pole.Members;

/// <summary>
/// <c>/espace-membre/mot-de-passe-oublie</c>: asks for a reset link. The answer is the same whether an account
/// exists or not (no enumeration), and each client IP may ask a few times a minute (the Forms rate limiter).
/// </summary>
public sealed class ForgotPasswordModel(UserManager<PoleMember> users, MemberAccountStore accounts, FormRateLimiter limiter) : MemberPageModel(users)
{
    public const string LimitKey = "member-password-reset";

    [BindProperty] public string Email { get; set; } = "";
    public bool Sent { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet() => ViewData["Title"] = "Mot de passe oublié";

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = "Mot de passe oublié";
        if (string.IsNullOrWhiteSpace(Email) || Email.Length > 256 || !Email.Contains('@', StringComparison.Ordinal))
        {
            Problem = "Saisissez l'adresse de votre compte.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (!limiter.TryAcquire(LimitKey, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", out var retryAfter))
        {
            Problem = "Trop de demandes depuis votre connexion : réessayez dans une minute.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }
        await accounts.RequestPasswordResetAsync(Email, BaseUrl, HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }
}
