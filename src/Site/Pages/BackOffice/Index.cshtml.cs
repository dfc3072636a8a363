using Microsoft.AspNetCore.Identity;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice;

/// <summary>The dashboard: the review queue and the user's own recent changes.</summary>
public sealed class DashboardModel(ContentStore store, UserManager<BackOfficeUser> users, EditorClock clock) : BackOfficePageModel
{
    public EditorClock Clock => clock;
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<AuditRecord> Reviews { get; private set; } = [];
    public IReadOnlyList<AuditRecord> Recent { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; } = [];

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        DisplayName = user?.DisplayName is { Length: > 0 } name ? name : Actor;
        Reviews = await store.GetPendingReviewsAsync(ReviewNotifier.RequestAction, HttpContext.RequestAborted);
        Recent = (await store.GetAuditPageAsync(new AuditQuery { Actor = Actor, Take = 40 }, HttpContext.RequestAborted)).Rows
            .Where(r => r.NodeKey is not null).DistinctBy(r => r.NodeKey).Take(10).ToList();
        foreach (var key in Reviews.Concat(Recent).Select(r => r.NodeKey!.Value).Distinct())
        {
            if (await store.GetAsync(key, HttpContext.RequestAborted) is { } item)
            {
                Names[key] = item.Data.Names.Values.FirstOrDefault() ?? "";
            }
        }
    }
}
