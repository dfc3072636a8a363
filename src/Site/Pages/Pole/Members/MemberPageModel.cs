using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Site.Pages.Pole.Members;

/// <summary>What member pages share: the signed-in member, read from the <c>PoleMember</c> cookie.</summary>
public abstract class MemberPageModel(UserManager<PoleMember> users) : PageModel
{
    protected UserManager<PoleMember> Users => users;

    protected async Task<PoleMember?> CurrentMemberAsync()
    {
        var result = await HttpContext.AuthenticateAsync(MemberAuthentication.Scheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? null : await users.FindByIdAsync(id);
    }

    protected string BaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
}
