using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Forms;

namespace PoleKnowledge.Site.Pages.Pole;

/// <summary><c>/formulaires/{alias}</c>: any form of <c>content-schema/forms/</c> without a page of its own (contact, structure registration).</summary>
public sealed class FormPageModel(FormCatalog forms, FormSubmissionProcessor processor, FormFillToken fillTokens, IDataProtectionProvider protection)
    : PoleFormPageModel(processor, fillTokens, protection)
{
    public IActionResult OnGet(string alias)
    {
        if (!Load(alias))
        {
            return NotFound();
        }
        StartForm();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string alias, string? direction) => Load(alias) ? await PostFormAsync(direction) : NotFound();

    private bool Load(string alias)
    {
        // Forms handled elsewhere (a group sign-up needs its group) have their own page.
        if (forms.Find(alias) is not { Handler: null } form)
        {
            return false;
        }
        Form = form;
        ViewData["Title"] = form.Name;
        return true;
    }
}
