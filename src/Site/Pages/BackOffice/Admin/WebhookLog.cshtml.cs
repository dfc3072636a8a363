using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Webhooks;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Admin;

/// <summary>A webhook's delivery log, newest first, paged: status, attempts, duration, the receiver's answer; a failed delivery can be sent again.</summary>
public sealed class WebhookLogModel(WebhookStore webhooks, WebhookDispatcher dispatcher, EditorClock clock) : BackOfficePageModel
{
    public const int PageSize = 50;

    [FromRoute]
    public Guid Key { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public EditorClock Clock => clock;
    public Webhook Webhook { get; private set; } = null!;
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];
    public int Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        if (await webhooks.GetAsync(Key, HttpContext.RequestAborted) is not { } hook)
        {
            return NotFound();
        }
        Webhook = hook;
        PageNumber = Math.Max(1, PageNumber);
        var (items, total) = await webhooks.ListDeliveriesAsync(Key, (PageNumber - 1) * PageSize, PageSize, HttpContext.RequestAborted);
        Deliveries = items;
        Pages = (total + PageSize - 1) / PageSize;
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        var delivery = await webhooks.GetDeliveryAsync(id, HttpContext.RequestAborted);
        if (delivery is null || delivery.WebhookKey != Key)
        {
            return NotFound();
        }
        if (!await webhooks.RequeueAsync(id, Actor, HttpContext.RequestAborted))
        {
            FlashError = "Cet envoi est déjà en attente.";
            return RedirectToPage(new { key = Key });
        }
        var result = await dispatcher.DeliverAsync(id, force: true, HttpContext.RequestAborted);
        var deliveredElsewhere = result is null;
        if (deliveredElsewhere)
        {
            // The background dispatcher took the requeued delivery first (it polls for due ones): show its outcome.
            result = await OutcomeOfOtherAttemptAsync(id);
        }
        if (deliveredElsewhere && result?.Status == WebhookDeliveryStatus.Pending)
        {
            Flash = $"Envoi n° {id} en cours : le résultat apparaîtra dans le journal.";
        }
        else if (result?.Status == WebhookDeliveryStatus.Succeeded)
        {
            Flash = $"Envoi n° {id} livré : réponse {result.StatusCode}.";
        }
        else
        {
            FlashError = $"Envoi n° {id} de nouveau en échec : {(result?.StatusCode is { } code ? "réponse " + code : result?.Response ?? "aucune réponse")}.";
        }
        return RedirectToPage(new { key = Key });
    }

    /// <summary>The delivery once the attempt made elsewhere has ended (still pending after a few seconds: in flight or due again).</summary>
    private async Task<WebhookDelivery?> OutcomeOfOtherAttemptAsync(long id)
    {
        WebhookDelivery? delivery = null;
        for (var tries = 0; tries < 30; tries++)
        {
            delivery = await webhooks.GetDeliveryAsync(id, HttpContext.RequestAborted);
            if (delivery is null || delivery.Status != WebhookDeliveryStatus.Pending)
            {
                break;
            }
            await Task.Delay(100, HttpContext.RequestAborted);
        }
        return delivery;
    }

    public string Link(int page) => $"/backoffice/admin/webhooks/journal/{Key}?page={page}";
}
