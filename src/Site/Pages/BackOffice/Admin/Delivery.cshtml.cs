using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Admin;

/// <summary>
/// The Delivery API's access: whether it is public, whether a key is set and where it comes from; generate, rotate
/// or revoke the key (shown once, only its hash stored). Applies at once; configuration stays the fallback.
/// </summary>
public sealed class DeliveryModel(DeliveryAccessStore access, DeliveryOptions options, EditorClock clock) : BackOfficePageModel
{
    public DeliveryOptions Options => options;
    public DeliveryAccessOverride Stored => options.Stored;
    public EditorClock Clock => clock;
    public string? NewKey { get; private set; }
    public string? AccessError { get; private set; }

    /// <summary>Where the key in force comes from: "stored", "revoked", "configuration" or "none".</summary>
    public string KeySource => Stored.OverridesKey
        ? (Stored.KeyHash!.Length > 0 ? "stored" : "revoked")
        : string.IsNullOrEmpty(options.ApiKey) ? "none" : "configuration";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        await access.LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        // Shown in this response only: no redirect, nothing in TempData (a cookie), nothing logged.
        NewKey = await access.GenerateKeyAsync(Actor, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        await access.RevokeKeyAsync(Actor, HttpContext.RequestAborted);
        Flash = "Clé révoquée : plus aucune clé n'est acceptée (y compris celle de la configuration) jusqu'à la prochaine génération.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAccessAsync(string? mode)
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        bool? publicAccess = mode switch { "public" => true, "private" => false, "configuration" => null, _ => (bool?)false };
        if (mode is not ("public" or "private" or "configuration"))
        {
            AccessError = "Choisissez un des trois modes d'accès.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await access.SetPublicAccessAsync(publicAccess, Actor, HttpContext.RequestAborted);
        Flash = "Accès à l'API de diffusion enregistré.";
        return RedirectToPage();
    }
}
