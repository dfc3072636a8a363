using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice;

/// <summary>Signs out (a post, so a link in a mail or an image cannot sign anyone out).</summary>
public sealed class SignOutModel(SignInManager<BackOfficeUser> signIn) : BackOfficePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect(BackOfficeExtensions.BasePath + "/connexion");
    }
}
