using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice;

/// <summary>The recycle bin: restore or delete for good (editors and administrators).</summary>
public sealed class RecycleBinModel(ContentStore store, EditorClock clock) : BackOfficePageModel
{
    public EditorClock Clock => clock;
    public IReadOnlyList<ContentListRow> Rows { get; private set; } = [];

    public string TypeName(string alias) => store.Schema.GetDocumentType(alias)?.Name ?? alias;

    public async Task OnGetAsync()
    {
        var (_, rows) = await store.ListAsync(new ContentListQuery { Trashed = true, Sort = "updated", Descending = true, Take = 200 }, HttpContext.RequestAborted);
        // Show the top of each trashed subtree only: its descendants come back with it.
        var keys = rows.Select(r => r.Key).ToHashSet();
        Rows = [.. rows.Where(r => r.ParentKey is null || !keys.Contains(r.ParentKey.Value))];
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid key)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        var outcome = await store.RestoreAsync(key, null, Actor, HttpContext.RequestAborted);
        if (outcome.Succeeded) { Flash = "Restauré (non publié : publiez-le à nouveau si besoin)."; } else { FlashError = ContentMessages.Of(outcome); }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid key)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        var outcome = await store.DeleteAsync(key, Actor, HttpContext.RequestAborted);
        if (outcome.Succeeded) { Flash = "Supprimé définitivement."; } else { FlashError = ContentMessages.Of(outcome); }
        return RedirectToPage();
    }
}
