using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.WorkingGroups;

namespace PoleKnowledge.Site.Pages.Pole;

/// <summary>
/// The two links of the sign-up e-mails (<c>…/inscription/confirmer</c> and <c>…/inscription/annuler</c>).
/// GET only shows a button: mail scanners that open links must not confirm or cancel anything; the POST does,
/// with anti-forgery. An expired confirmation link says so and offers « Renvoyer le lien »: the new link goes to
/// the sign-up's own address, and each client IP may ask a few times a minute (the Forms rate limiter).
/// </summary>
public sealed class SignUpLinkModel(SignUpStore signUps, WorkingGroupCatalog groups, SignUpOptions options, FormRateLimiter limiter) : PageModel
{
    /// <summary>The rate-limit bucket of « Renvoyer le lien » in <see cref="FormRateLimiter"/>.</summary>
    public const string ResendLimitKey = "signup-resend";

    public bool IsCancel { get; private set; }
    public string Token { get; private set; } = "";
    public SignUpOutcome? Outcome { get; private set; }
    public WorkingGroup? Group => Outcome?.GroupKey is { } key ? groups.Find(key) : null;

    public IActionResult OnGet(string action, string? jeton) => Prepare(action, jeton) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string action, string? jeton)
    {
        if (!Prepare(action, jeton))
        {
            return NotFound();
        }
        var baseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        Outcome = IsCancel
            ? await signUps.CancelAsync(Token, baseUrl, HttpContext.RequestAborted)
            : await signUps.ConfirmEmailAsync(Token, baseUrl, HttpContext.RequestAborted);
        if (Outcome.Result == SignUpResult.InvalidToken)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(string action, string? jeton)
    {
        if (!Prepare(action, jeton) || IsCancel)
        {
            return NotFound();
        }
        if (!limiter.TryAcquire(ResendLimitKey, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", out var retryAfter))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Outcome = new SignUpOutcome(SignUpResult.InvalidToken);
            TooManyRequests = true;
            return Page();
        }
        Outcome = await signUps.ResendConfirmationAsync(Token, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", HttpContext.RequestAborted);
        if (Outcome.Result == SignUpResult.InvalidToken)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public bool TooManyRequests { get; private set; }

    /// <summary>« 7 jours », « 48 heures »: the configured lifetime, in words.</summary>
    public string LinkLifetimeText => options.ConfirmLinkLifetime.TotalHours is var hours && hours % 24 == 0
        ? $"{hours / 24:0} jour{(hours > 24 ? "s" : "")}"
        : $"{hours:0} heure{(hours > 1 ? "s" : "")}";

    private bool Prepare(string action, string? token)
    {
        if (action is not ("confirmer" or "annuler"))
        {
            return false;
        }
        IsCancel = action == "annuler";
        Token = token ?? "";
        ViewData["Title"] = IsCancel ? "Annuler une inscription" : "Confirmer une inscription";
        return true;
    }

    public string Message => TooManyRequests ? "Trop de demandes depuis votre connexion : réessayez dans une minute." : Outcome?.Result switch
    {
        SignUpResult.LinkResent => "Un nouveau lien de confirmation vient d'être envoyé à l'adresse de votre inscription. Il remplace l'ancien.",
        SignUpResult.PendingEmail => "Ce lien est encore valable : ouvrez-le à nouveau depuis l'e-mail pour confirmer votre inscription.",
        SignUpResult.GroupClosed => "Les inscriptions à ce groupe sont closes : aucun nouveau lien n'a été envoyé.",
        SignUpResult.Confirmed => $"Votre inscription au groupe « {Group?.Name} » est confirmée. Un e-mail récapitulatif avec le calendrier des séances vient de vous être envoyé.",
        SignUpResult.Waiting => $"Le groupe « {Group?.Name} » est complet : vous êtes sur la liste d'attente, en position {Outcome.WaitingRank}. Vous serez prévenu·e par e-mail si une place se libère.",
        SignUpResult.Cancelled => $"Votre inscription au groupe « {Group?.Name} » est annulée. Merci de nous avoir prévenus.",
        SignUpResult.AlreadyCancelled => "Cette inscription est déjà annulée.",
        SignUpResult.GroupNotFound => "Ce groupe de travail n'est plus publié.",
        _ => "Ce lien n'est pas (ou plus) valide. Vérifiez que vous avez copié le lien complet de l'e-mail.",
    };
}
