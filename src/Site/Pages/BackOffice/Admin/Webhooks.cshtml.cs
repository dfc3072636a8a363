using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Webhooks;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Admin;

/// <summary>The list of webhooks: where each one posts, for which events, and a switch to enable or disable it.</summary>
public sealed class WebhooksModel(WebhookStore webhooks) : BackOfficePageModel
{
    public IReadOnlyList<Webhook> Webhooks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        Webhooks = await webhooks.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid key, bool enabled)
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        if (await webhooks.SetEnabledAsync(key, enabled, Actor, HttpContext.RequestAborted))
        {
            Flash = enabled ? "Webhook activé." : "Webhook désactivé : plus aucun envoi jusqu'à sa réactivation.";
        }
        else
        {
            FlashError = "Webhook introuvable.";
        }
        return RedirectToPage();
    }
}
