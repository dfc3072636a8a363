using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Groups;

/// <summary>
/// One group's sign-ups for editors: filter by status, the balance of categories and the concertation rule,
/// and the actions (move from the waiting list, decline with a message, CSV export, e-mail participants, change
/// the status). Every action goes through <see cref="SignUpStore"/> and <see cref="GroupStatusPublisher"/>, the
/// services the editors' API uses, and is written to the audit log (ids, never personal data).
/// </summary>
[Authorize(Policy = BackOfficeRoles.PublishPolicy)]
public sealed class GroupModel(WorkingGroupCatalog groups, SignUpStore signUps, SignUpCsvExporter exporter, GroupStatusPublisher publisher,
    ConcertationRule rule, ContentStore store, IMailSender mail, EditorClock clock) : BackOfficePageModel
{
    public const int MaxDeclineMessage = 2000;

    public EditorClock Clock => clock;
    public WorkingGroup Group { get; private set; } = null!;
    public IReadOnlyList<SignUpView> SignUps { get; private set; } = [];
    public IReadOnlyList<SignUpView> AllSignUps { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Balance { get; private set; } = new Dictionary<string, int>();
    /// <summary>Null when the concertation may move to « en cours »; otherwise why not.</summary>
    public string? RuleRefusal { get; private set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? StatusFilter { get; set; }

    public string? StatusError { get; private set; }
    public string? SubjectError { get; private set; }
    public string? MessageError { get; private set; }
    public string? Subject { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The filter values of the status select, with their French labels.</summary>
    public static readonly IReadOnlyList<(string Value, SignUpStatus Status)> Filters =
    [
        ("confirme", SignUpStatus.Confirmed), ("attente", SignUpStatus.Waiting), ("courriel", SignUpStatus.PendingEmail),
        ("annule", SignUpStatus.Cancelled), ("refuse", SignUpStatus.Declined),
    ];

    public bool IsExpired(SignUpView signUp) => signUps.IsExpired(signUp);

    public static string CategoryLabel(string category) => category switch
    {
        "" => "Non précisée",
        ConcertationRule.BaseStructureCategory => "Structure de base",
        "tete-de-reseau" => "Tête de réseau",
        "acteur-ressource" => "Acteur ressource",
        "institution" => "Institution",
        _ => category,
    };

    public async Task<IActionResult> OnGetAsync(Guid key) => await LoadAsync(key) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid key)
    {
        if (groups.Find(key) is null)
        {
            return NotFound();
        }
        var buffer = new MemoryStream();
        await exporter.WriteAsync(key, buffer, HttpContext.RequestAborted);
        await store.AddAuditAsync(Actor, "signups-export", key, detail: "CSV", cancellationToken: HttpContext.RequestAborted);
        buffer.Position = 0;
        return File(buffer, "text/csv; charset=utf-8", $"inscriptions-{key:N}.csv");
    }

    public async Task<IActionResult> OnPostPromoteAsync(Guid key, Guid id)
    {
        if (groups.Find(key) is null)
        {
            return NotFound();
        }
        var outcome = await signUps.PromoteAsync(id, key, BaseUrl, HttpContext.RequestAborted);
        switch (outcome.Result)
        {
            case SignUpResult.Confirmed:
                await store.AddAuditAsync(Actor, "signup-promote", key, detail: id.ToString(), cancellationToken: HttpContext.RequestAborted);
                Flash = "Inscription confirmée : la personne quitte la liste d'attente et a été prévenue par courriel.";
                break;
            case SignUpResult.InvalidToken or SignUpResult.GroupNotFound:
                return NotFound();
            default:
                FlashError = "Seule une inscription en liste d'attente peut être confirmée ici.";
                break;
        }
        return RedirectToPage(new { key, statut = StatusFilter });
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid key, Guid id, string? message)
    {
        if (groups.Find(key) is null)
        {
            return NotFound();
        }
        if (message?.Length > MaxDeclineMessage)
        {
            FlashError = $"Le message de refus fait au plus {MaxDeclineMessage} caractères : rien n'a été changé.";
            return RedirectToPage(new { key, statut = StatusFilter });
        }
        var outcome = await signUps.DeclineAsync(id, key, message, BaseUrl, mail, HttpContext.RequestAborted);
        switch (outcome.Result)
        {
            case SignUpResult.Cancelled:
                await store.AddAuditAsync(Actor, "signup-decline", key, detail: id.ToString(), cancellationToken: HttpContext.RequestAborted);
                Flash = "Inscription refusée : la personne a été prévenue par courriel ; une place libérée revient à la liste d'attente.";
                break;
            case SignUpResult.AlreadyCancelled:
                FlashError = "Cette inscription est déjà annulée ou refusée : rien n'a été changé.";
                break;
            default:
                return NotFound();
        }
        return RedirectToPage(new { key, statut = StatusFilter });
    }

    public async Task<IActionResult> OnPostEmailAsync(Guid key, string? subject, string? message, bool includeWaiting)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }
        var mailToSend = new ParticipantMessage(subject, message, includeWaiting);
        if (mailToSend.Validate() is { Count: > 0 } errors)
        {
            SubjectError = errors.GetValueOrDefault("subject")?.FirstOrDefault();
            MessageError = errors.GetValueOrDefault("message")?.FirstOrDefault();
            (Subject, Message) = (subject, message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var sent = await signUps.EmailParticipantsAsync(key, subject!, message!, includeWaiting, mail, HttpContext.RequestAborted);
        await store.AddAuditAsync(Actor, "group-email", key, detail: $"{sent} destinataires", cancellationToken: HttpContext.RequestAborted);
        Flash = sent == 0 ? "Aucun·e participant·e à qui écrire : aucun courriel envoyé." : $"Courriel envoyé à {sent} participant·e{(sent > 1 ? "s" : "")}.";
        return RedirectToPage(new { key, statut = StatusFilter });
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid key, string? status)
    {
        var outcome = await publisher.ChangeAsync(key, status, Actor, HttpContext.RequestAborted);
        switch (outcome.Result)
        {
            case GroupStatusChangeResult.Changed:
                Flash = $"Statut du groupe : « {GroupStatusPublisher.Label(status!)} » (publié).";
                return RedirectToPage(new { key, statut = StatusFilter });
            case GroupStatusChangeResult.GroupNotFound:
                return NotFound();
            default:
                await LoadAsync(key);
                StatusError = outcome.Message;
                Response.StatusCode = outcome.Result == GroupStatusChangeResult.RuleRefused ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                return Page();
        }
    }

    private string BaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    private async Task<bool> LoadAsync(Guid key)
    {
        if (groups.Find(key) is not { } group)
        {
            return false;
        }
        Group = group;
        AllSignUps = await signUps.ListAsync(key, HttpContext.RequestAborted);
        var filter = Filters.FirstOrDefault(f => f.Value == StatusFilter);
        SignUps = filter.Value is null ? AllSignUps : [.. AllSignUps.Where(s => s.Status == filter.Status)];
        if (group.IsConcertation)
        {
            Balance = await signUps.ConfirmedByCategoryAsync(key, HttpContext.RequestAborted);
            RuleRefusal = await rule.CheckTransitionAsync(group, WorkingGroupStatus.Running, HttpContext.RequestAborted);
        }
        return true;
    }
}
