using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>
/// Base of the back-office pages: who is acting, what they may do, and the one-line messages shown
/// after a redirect. Every permission is checked here on the server, whatever the page showed.
/// </summary>
public abstract class BackOfficePageModel : PageModel
{
    [TempData]
    public string? Flash { get; set; }

    [TempData]
    public string? FlashError { get; set; }

    public string Actor => BackOfficeExtensions.ActorOf(User);

    public bool CanPublish => User.IsInRole(BackOfficeRoles.Administrator) || User.IsInRole(BackOfficeRoles.Editor);

    public bool IsAdministrator => User.IsInRole(BackOfficeRoles.Administrator);

    /// <summary>A 403 page for an action the role does not allow (a crafted post: the button was never shown).</summary>
    protected IActionResult Forbidden() => new ContentResult
    {
        StatusCode = StatusCodes.Status403Forbidden,
        ContentType = "text/html; charset=utf-8",
        Content = """
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Action non autorisée — Back office</title><link rel="stylesheet" href="/css/backoffice.css"></head>
            <body class="bo-plain"><main class="bo-auth"><h1>Action non autorisée</h1>
            <p>Votre rôle ne permet pas cette action. Demandez-la à un·e éditeur·rice ou à un·e administrateur·rice.</p>
            <p><a href="/backoffice">Retour au tableau de bord</a></p></main></body></html>
            """,
    };

    protected async Task<bool> MayAsync(string policy)
    {
        var authorization = HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(User, policy)).Succeeded;
    }
}
