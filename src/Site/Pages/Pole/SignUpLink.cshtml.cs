using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PoleKnowledge.Extensions.WorkingGroups;

namespace PoleKnowledge.Site.Pages.Pole;

/// <summary>
/// The two links of the sign-up e-mails (<c>…/inscription/confirmer</c> and <c>…/inscription/annuler</c>).
/// GET only shows a button: mail scanners that open links must not confirm or cancel anything; the POST does,
/// with anti-forgery.
/// </summary>
public sealed class SignUpLinkModel(SignUpStore signUps, WorkingGroupCatalog groups) : PageModel
{
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

    public string Message => Outcome?.Result switch
    {
        SignUpResult.Confirmed => $"Votre inscription au groupe « {Group?.Name} » est confirmée. Un e-mail récapitulatif avec le calendrier des séances vient de vous être envoyé.",
        SignUpResult.Waiting => $"Le groupe « {Group?.Name} » est complet : vous êtes sur la liste d'attente, en position {Outcome.WaitingRank}. Vous serez prévenu·e par e-mail si une place se libère.",
        SignUpResult.Cancelled => $"Votre inscription au groupe « {Group?.Name} » est annulée. Merci de nous avoir prévenus.",
        SignUpResult.AlreadyCancelled => "Cette inscription est déjà annulée.",
        SignUpResult.GroupNotFound => "Ce groupe de travail n'est plus publié.",
        _ => "Ce lien n'est pas (ou plus) valide. Vérifiez que vous avez copié le lien complet de l'e-mail.",
    };
}
