using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.Members;
using PoleKnowledge.Extensions.WorkingGroups;

namespace PoleKnowledge.Site.Pages.Pole;

/// <summary><c>/groupes-de-travail/{group}/inscription</c>: a visitor signs up to a working group (the <c>groupSignUp</c> form).</summary>
public sealed class GroupSignUpModel(FormCatalog forms, WorkingGroupCatalog groups, UserManager<PoleMember> members, FormSubmissionProcessor processor, FormFillToken fillTokens, IDataProtectionProvider protection)
    : PoleFormPageModel(processor, fillTokens, protection)
{
    public const string FormAlias = "groupSignUp";

    public WorkingGroup Group { get; private set; } = null!;

    protected override Guid? ContentKey => Group.Key;

    public PoleMember? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync(string group)
    {
        if (!Load(group))
        {
            return NotFound();
        }
        if (await LoadMemberAsync() is { } member)
        {
            // Pre-filled for members; their confirmed address skips the double opt-in.
            Prefill(new Dictionary<string, FormValue>(StringComparer.Ordinal) { ["name"] = FormValue.Text(member.DisplayName), ["email"] = FormValue.Text(member.Email ?? "") });
        }
        StartForm();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string group, string? direction)
    {
        if (!Load(group))
        {
            return NotFound();
        }
        if (!Group.AcceptsSignUps)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        await LoadMemberAsync();
        return await PostFormAsync(direction);
    }

    private async Task<PoleMember?> LoadMemberAsync()
    {
        var principal = (await HttpContext.AuthenticateAsync(MemberAuthentication.Scheme)).Principal;
        Member = principal is null ? null : await members.GetUserAsync(principal);
        VerifiedEmail = Member is { EmailConfirmed: true } ? Member.Email : null;
        return Member;
    }

    private bool Load(string segment)
    {
        var found = groups.FindBySegment(segment);
        var form = forms.Find(FormAlias);
        if (found is null || form is null)
        {
            return false;
        }
        Group = found;
        Form = form;
        ViewData["Title"] = $"Inscription : {found.Name}";
        return true;
    }

    public string StatusLabel => Group.Status switch
    {
        WorkingGroupStatus.Upcoming => "Ce groupe n'est pas encore ouvert aux inscriptions.",
        WorkingGroupStatus.Running => "Ce groupe a commencé : les inscriptions sont closes.",
        WorkingGroupStatus.Finished => "Ce groupe est terminé : les inscriptions sont closes.",
        _ => "Les inscriptions à ce groupe sont closes.",
    };
}
