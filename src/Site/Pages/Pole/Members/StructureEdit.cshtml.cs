using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Site.Pages.Pole.Members;

/// <summary>
/// <c>/espace-membre/structures/nouvelle</c> and <c>/espace-membre/structures/{key}</c>: a member declares or
/// edits a structure profile with the <c>structureRegistration</c> form; it is saved as a draft for an
/// editor's review. Another structure's key (a forged id) is a 404: the page does not say it exists.
/// </summary>
[Authorize(Policy = MemberAuthentication.Policy)]
public sealed class StructureEditModel(StructureProfileStore structures, UserManager<PoleMember> users, FormSubmissionProcessor processor, FormFillToken fillTokens, IDataProtectionProvider protection)
    : PoleFormPageModel(processor, fillTokens, protection)
{
    public Guid? Key { get; private set; }
    private string _memberId = "";

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (await LoadAsync(key) is { } refused)
        {
            return refused;
        }
        if (Key is { } existing)
        {
            Prefill(await structures.ReadAsync(existing, HttpContext.RequestAborted));
        }
        StartForm();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, string? direction) => await LoadAsync(key) ?? await PostFormAsync(direction);

    protected override async Task<FormSubmissionOutcome> SubmitEntryAsync(FormEntryRequest request)
    {
        var (saved, errors) = await structures.SaveAsync(_memberId, Key, request.Values, HttpContext.RequestAborted);
        return saved is null
            ? FormSubmissionOutcome.Invalid(errors)
            : FormSubmissionOutcome.Accepted("Fiche enregistrée. Elle sera relue par l'équipe du pôle avant d'être publiée (ou mise à jour) dans l'annuaire.");
    }

    private async Task<IActionResult?> LoadAsync(string key)
    {
        var principal = (await HttpContext.AuthenticateAsync(MemberAuthentication.Scheme)).Principal;
        var member = principal is null ? null : await users.GetUserAsync(principal);
        if (member is null)
        {
            return Challenge(MemberAuthentication.Scheme);
        }
        _memberId = member.Id;
        Form = structures.Form;
        if (key != "nouvelle")
        {
            if (!Guid.TryParse(key, out var parsed) || !await structures.IsManagerAsync(member.Id, parsed, cancellationToken: HttpContext.RequestAborted))
            {
                return NotFound();
            }
            Key = parsed;
        }
        ViewData["Title"] = Key is null ? "Déclarer une structure" : "Modifier la fiche de ma structure";
        return null;
    }
}
