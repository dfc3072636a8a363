using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice;

/// <summary>Where the cookie handler sends a signed-in user without the role a page needs.</summary>
public sealed class AccessDeniedModel : BackOfficePageModel
{
    public void OnGet()
    {
    }
}
