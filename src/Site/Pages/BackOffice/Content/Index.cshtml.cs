using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Content;

/// <summary>The content tree and the list view of one folder: filter by name and type, sort, page, reorder.</summary>
public sealed class ContentListModel(ContentStore store, EditorClock clock) : BackOfficePageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public Guid? Parent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "sortOrder";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public EditorClock Clock => clock;
    public string? ParentName { get; private set; }
    public IReadOnlyList<(Guid Key, string Name)> Ancestors { get; private set; } = [];
    public IReadOnlyList<ContentListRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => (Total + PageSize - 1) / PageSize;
    public IReadOnlyList<DocumentType> Types => [.. store.Schema.DocumentTypes.Values.Where(t => !t.IsElement).OrderBy(t => t.Name, StringComparer.CurrentCulture)];
    public IReadOnlyList<string> AllowedTypes { get; private set; } = [];
    public IReadOnlyList<TreeNode> Tree { get; private set; } = [];
    public string SortLabel => Sort switch { "name" => "nom", "updated" => "date de modification", _ => "ordre" };

    public string TypeName(string alias) => store.Schema.GetDocumentType(alias)?.Name ?? alias;

    public async Task<IActionResult> OnGetAsync()
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        Type = string.IsNullOrWhiteSpace(Type) ? null : Type;
        Sort = Sort is "name" or "updated" ? Sort : "sortOrder";
        PageNumber = Math.Max(1, PageNumber);
        if (Parent is { } parent)
        {
            var item = await store.GetAsync(parent, HttpContext.RequestAborted);
            if (item is null || item.Trashed)
            {
                return NotFound();
            }
            ParentName = item.Data.Names.GetValueOrDefault(store.Schema.DefaultCulture) ?? item.Data.Names.Values.FirstOrDefault() ?? "";
            Ancestors = await store.GetAncestorsAsync(parent, HttpContext.RequestAborted);
            AllowedTypes = store.Schema.GetDocumentType(item.ContentType)?.AllowedChildren ?? [];
        }
        else
        {
            AllowedTypes = [.. store.Schema.DocumentTypes.Values.Where(t => t.AllowedAtRoot && !t.IsElement).Select(t => t.Alias)];
        }
        var (total, rows) = await store.ListAsync(new ContentListQuery
        {
            ParentKey = Parent, Filter = Q, ContentType = Type, Sort = Sort, Descending = Desc, Skip = (PageNumber - 1) * PageSize, Take = PageSize,
        }, HttpContext.RequestAborted);
        Total = total;
        Rows = rows;
        Tree = await TreeNode.BuildAsync(store, Parent, Ancestors.Select(a => a.Key).ToList(), HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Reorders the children from the "order" column (editors only; drag-and-drop posts the same form).</summary>
    public async Task<IActionResult> OnPostSortAsync(Dictionary<Guid, string>? order)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        var keys = (order ?? []).Select(o => (o.Key, Order: int.TryParse(o.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue))
            .OrderBy(o => o.Order).Select(o => o.Key).ToList();
        if (keys.Count == 0)
        {
            return RedirectToPage(new { parent = Parent });
        }
        // The form shows one page: keep the other children after them, in their current order.
        var all = await store.ListAsync(new ContentListQuery { ParentKey = Parent, Take = 500 }, HttpContext.RequestAborted);
        var ordered = keys.Concat(all.Rows.Select(r => r.Key).Where(k => !keys.Contains(k))).ToList();
        var outcome = await store.SortAsync(Parent, ordered, Actor, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Flash = "Ordre enregistré.";
        }
        else
        {
            FlashError = ContentMessages.Of(outcome);
        }
        return RedirectToPage(new { parent = Parent });
    }

    public string Link(string? sort = null, bool? desc = null, int? page = null)
    {
        var query = new List<string>();
        if (Parent is { } parent) { query.Add($"parent={parent}"); }
        if (Q is not null) { query.Add($"q={Uri.EscapeDataString(Q)}"); }
        if (Type is not null) { query.Add($"type={Uri.EscapeDataString(Type)}"); }
        var s = sort ?? Sort;
        if (s != "sortOrder") { query.Add($"sort={s}"); }
        if (desc ?? Desc) { query.Add("desc=true"); }
        var p = page ?? PageNumber;
        if (p > 1) { query.Add($"page={p}"); }
        return "/backoffice/contenu" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }
}
