using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Webhooks;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Admin;

/// <summary>
/// Creates or edits a webhook (name, target, events, type filter, enabled), sends it a test ping, regenerates its
/// secret (shown once, in the response only) or deletes it. Every field is validated here; errors show next to it.
/// </summary>
public sealed class WebhookEditModel(WebhookStore webhooks, WebhookTargetPolicy policy, WebhookDispatcher dispatcher, ContentSchemaHolder schema) : BackOfficePageModel
{
    public const int MaxNameLength = 200;

    [FromRoute]
    public Guid? Key { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? TargetUrl { get; set; }

    [BindProperty]
    public List<string> Events { get; set; } = [];

    [BindProperty]
    public List<string> Types { get; set; } = [];

    [BindProperty]
    public bool Enabled { get; set; } = true;

    public Dictionary<string, string> Errors { get; } = [];
    public string? NewSecret { get; private set; }
    public bool IsNew => Key is null;

    /// <summary>Document types then media types, for the type filter.</summary>
    public IEnumerable<(string Alias, string Label)> TypeChoices =>
        schema.Schema.DocumentTypes.Values.OrderBy(t => t.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).Select(t => (t.Alias, t.Name))
            .Concat(schema.Schema.MediaTypes.Values.OrderBy(t => t.Alias, StringComparer.Ordinal).Select(t => (t.Alias, "Média : " + t.Name)));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        if (Key is { } key)
        {
            var hook = await webhooks.GetAsync(key, HttpContext.RequestAborted);
            if (hook is null)
            {
                return NotFound();
            }
            Load(hook);
        }
        else
        {
            Events = [WebhookEvents.ContentPublish];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        var input = Validate();
        if (input is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (Key is { } key)
        {
            if (!await webhooks.UpdateAsync(key, input, Actor, HttpContext.RequestAborted))
            {
                return NotFound();
            }
            Flash = "Webhook enregistré.";
            return RedirectToPage(new { key });
        }
        var (hook, secret) = await webhooks.CreateAsync(input, Actor, HttpContext.RequestAborted);
        // The secret is shown in this response only (never in TempData, a cookie): the form now edits the new hook.
        Key = hook.Key;
        NewSecret = secret;
        Flash = null;
        ViewData["Created"] = true;
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        if (Key is not { } key || await webhooks.QueuePingAsync(key, Actor, HttpContext.RequestAborted) is not { } id)
        {
            return NotFound();
        }
        var delivery = await dispatcher.DeliverAsync(id, force: true, HttpContext.RequestAborted);
        if (delivery?.Status == WebhookDeliveryStatus.Succeeded)
        {
            Flash = $"Test envoyé : réponse {delivery.StatusCode} en {delivery.DurationMs} ms.";
        }
        else
        {
            FlashError = delivery?.StatusCode is { } code
                ? $"Test en échec : réponse {code} en {delivery.DurationMs} ms. Détail dans le journal."
                : $"Test en échec : {delivery?.Response ?? "aucune réponse"}";
        }
        return RedirectToPage(new { key });
    }

    public async Task<IActionResult> OnPostSecretAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        if (Key is not { } key || await webhooks.RegenerateSecretAsync(key, Actor, HttpContext.RequestAborted) is not { } secret)
        {
            return NotFound();
        }
        Load((await webhooks.GetAsync(key, HttpContext.RequestAborted))!);
        NewSecret = secret;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        if (Key is not { } key || !await webhooks.DeleteAsync(key, Actor, HttpContext.RequestAborted))
        {
            return NotFound();
        }
        Flash = "Webhook supprimé, avec son journal.";
        return RedirectToPage("/BackOffice/Admin/Webhooks");
    }

    private void Load(Webhook hook)
    {
        Name = hook.Name;
        TargetUrl = hook.Url;
        Events = [.. hook.Events];
        Types = [.. hook.ContentTypes];
        Enabled = hook.Enabled;
    }

    private WebhookInput? Validate()
    {
        Name = Name?.Trim();
        TargetUrl = TargetUrl?.Trim();
        if (string.IsNullOrEmpty(Name) || Name.Length > MaxNameLength)
        {
            Errors["Name"] = $"Donnez un nom de 1 à {MaxNameLength} caractères.";
        }
        if (WebhookMessages.TargetError(policy.Check(TargetUrl)) is { } urlError)
        {
            Errors["Url"] = urlError;
        }
        Events = [.. Events.Distinct(StringComparer.Ordinal)];
        if (Events.Count == 0)
        {
            Errors["Events"] = "Choisissez au moins un événement.";
        }
        else if (Events.Any(e => !WebhookEvents.All.Contains(e)))
        {
            Errors["Events"] = "Événement inconnu.";
        }
        Types = [.. Types.Distinct(StringComparer.Ordinal)];
        if (Types.Any(t => schema.Schema.GetDocumentType(t) is null && schema.Schema.GetMediaType(t) is null))
        {
            Errors["Types"] = "Type de contenu ou de média inconnu.";
        }
        return Errors.Count > 0 ? null : new WebhookInput(Name!, TargetUrl!, Events, Types, Enabled);
    }
}
