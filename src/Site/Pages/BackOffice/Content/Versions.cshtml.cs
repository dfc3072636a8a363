using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Content;

/// <summary>Version history of an item: side-by-side comparison of two versions and rollback (a new draft; publishing stays a separate step).</summary>
public sealed class ContentVersionsModel(ContentStore store, EditorClock clock) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)] public Guid Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Culture { get; set; }
    [BindProperty(SupportsGet = true)] public int? Left { get; set; }
    [BindProperty(SupportsGet = true)] public int? Right { get; set; }
    [BindProperty(SupportsGet = true, Name = "all")] public bool ShowAll { get; set; }

    public EditorClock Clock => clock;
    public string ItemName { get; private set; } = "";
    public int Current { get; private set; }
    public int Revision { get; private set; }
    public IReadOnlyList<ContentVersionInfo> Versions { get; private set; } = [];
    public IReadOnlyList<DiffRow> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var item = await store.GetAsync(Key, HttpContext.RequestAborted);
        if (item is null || store.Schema.GetDocumentType(item.ContentType) is not { } type)
        {
            return NotFound();
        }
        var culture = type.VariesByCulture && Culture is not null && store.Schema.IsKnownCulture(Culture) ? Culture : type.VariesByCulture ? store.Schema.DefaultCulture : "";
        Culture = culture.Length == 0 ? store.Schema.DefaultCulture : culture;
        ItemName = item.Data.Names.GetValueOrDefault(culture) ?? item.Data.Names.Values.FirstOrDefault() ?? "";
        Current = item.Version;
        Revision = item.Revision;
        Versions = await store.GetVersionsAsync(Key, HttpContext.RequestAborted) ?? [];
        Right ??= Current;
        Left ??= Versions.Select(v => v.Number).Where(n => n < Right).DefaultIfEmpty(Right.Value).Max();
        var left = await store.GetVersionDataAsync(Key, Left.Value, HttpContext.RequestAborted);
        var right = await store.GetVersionDataAsync(Key, Right.Value, HttpContext.RequestAborted);
        if (left is not null && right is not null)
        {
            Diff = VersionDiff.Compare(type, left, right, culture);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRollbackAsync(int number, int? revision)
    {
        // Rollback writes a draft, never publishes: writers may do it too.
        var outcome = await store.RollbackAsync(Key, number, revision, Actor, HttpContext.RequestAborted);
        if (outcome.Status == ContentStatus.NotFound)
        {
            if (await store.GetAsync(Key, HttpContext.RequestAborted) is null)
            {
                return NotFound();
            }
            FlashError = $"Cet élément n'a pas de version {number} : rien n'a été modifié.";
            return Redirect($"/backoffice/contenu/{Key}/versions?culture={Culture}");
        }
        if (outcome.Succeeded)
        {
            Flash = $"Le brouillon reprend la version {number}. Publiez-le pour le mettre en ligne.";
            return Redirect($"/backoffice/contenu/{Key}/modifier?culture={Culture}");
        }
        FlashError = ContentMessages.Of(outcome);
        return Redirect($"/backoffice/contenu/{Key}/versions?culture={Culture}");
    }
}
