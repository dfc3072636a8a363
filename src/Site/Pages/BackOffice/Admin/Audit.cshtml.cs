using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Admin;

/// <summary>The audit log with filters: who, what, which item, between which days (the editors' local days).</summary>
public sealed class AuditModel(ContentStore store, EditorClock clock) : BackOfficePageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "actor")] public string? Actor_ { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public EditorClock Clock => clock;
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<AuditRecord> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => (Total + PageSize - 1) / PageSize;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        PageNumber = Math.Max(1, PageNumber);
        Actions = await store.GetAuditActionsAsync(HttpContext.RequestAborted);
        var (total, rows) = await store.GetAuditPageAsync(new AuditQuery
        {
            Actor = string.IsNullOrWhiteSpace(Actor_) ? null : Actor_.Trim(),
            Action = string.IsNullOrWhiteSpace(Action) ? null : Action,
            NodeKey = Guid.TryParse(Item, out var key) ? key : null,
            FromUtc = Day(From),
            ToUtc = Day(To)?.AddDays(1),
            Skip = (PageNumber - 1) * PageSize,
            Take = PageSize,
        }, HttpContext.RequestAborted);
        Total = total;
        Rows = rows;
        return Page();
    }

    private DateTime? Day(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? clock.ParseLocal(day.ToString("yyyy-MM-dd'T'00:00", CultureInfo.InvariantCulture)) : null;

    public string Link(int page)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) { query.Add($"{name}={Uri.EscapeDataString(value)}"); }
        }
        Add("actor", Actor_);
        Add("action", Action);
        Add("item", Item);
        Add("from", From);
        Add("to", To);
        query.Add($"page={page}");
        return "/backoffice/admin/journal?" + string.Join("&", query);
    }
}
