using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Security;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Admin;

/// <summary>API tokens of the management API: created with a name and shown once (only a hash is stored), revoked here.</summary>
public sealed class TokensModel(ApiTokenStore tokens, ContentStore store, EditorClock clock) : BackOfficePageModel
{
    public EditorClock Clock => clock;
    public IReadOnlyList<ApiTokenInfo> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }
    public string? NewName { get; private set; }
    public string? NameError { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        Tokens = await tokens.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name)
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            NameError = "Donnez un nom de 1 à 100 caractères.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            var (_, token) = await tokens.CreateAsync(name, Actor, HttpContext.RequestAborted);
            await store.AddAuditAsync(Actor, "token-create", detail: name, cancellationToken: HttpContext.RequestAborted);
            // Shown in this response only: no redirect, nothing in TempData (a cookie), nothing logged.
            NewToken = token;
            NewName = name;
        }
        Tokens = await tokens.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        if (await tokens.RevokeAsync(id, Actor, HttpContext.RequestAborted))
        {
            await store.AddAuditAsync(Actor, "token-revoke", detail: id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: HttpContext.RequestAborted);
            Flash = "Jeton révoqué.";
        }
        else
        {
            FlashError = "Jeton introuvable ou déjà révoqué.";
        }
        return RedirectToPage();
    }
}
