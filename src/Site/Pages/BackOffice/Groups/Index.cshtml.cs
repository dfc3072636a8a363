using Microsoft.AspNetCore.Authorization;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Groups;

/// <summary>
/// The working groups with their sign-up counts. Editors and administrators only: sign-ups are personal data
/// that a writer's tasks do not need (data minimisation), so writers are refused like on the admin pages.
/// </summary>
[Authorize(Policy = BackOfficeRoles.PublishPolicy)]
public sealed class GroupsIndexModel(WorkingGroupCatalog groups, SignUpStore signUps) : BackOfficePageModel
{
    public IReadOnlyList<(WorkingGroup Group, SignUpCounts Counts)> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var counts = await signUps.CountsAsync(HttpContext.RequestAborted);
        var order = GroupStatusPublisher.Statuses.Select(s => s.Value).ToList();
        Rows = [.. groups.All
            .OrderBy(g => order.IndexOf(g.Status) is var i && i < 0 ? order.Count : i).ThenBy(g => g.Name, StringComparer.CurrentCulture)
            .Select(g => (g, counts.GetValueOrDefault(g.Key) ?? SignUpCounts.None))];
    }

    public static string ModalityLabel(string modality) => modality switch
    {
        "ep" => "Échange de pratiques",
        "rq" => "Résolution de questions",
        "concertation" => "Concertation",
        _ => modality,
    };
}
