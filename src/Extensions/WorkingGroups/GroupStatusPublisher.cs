using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Persistence.Store;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// Moves a working group to a new status and publishes it, after the <see cref="ConcertationRule"/>: the one
/// way both the editors' API and the back office's group page change a status, so they refuse the same moves
/// with the same words.
/// </summary>
public sealed class GroupStatusPublisher(WorkingGroupCatalog groups, ConcertationRule rule, ContentStore content)
{
    /// <summary>The statuses in their order of life, with their French labels.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Statuses =
    [
        (WorkingGroupStatus.Upcoming, "En préparation"),
        (WorkingGroupStatus.Open, "Inscriptions ouvertes"),
        (WorkingGroupStatus.Running, "En cours"),
        (WorkingGroupStatus.Finished, "Terminé"),
    ];

    public static string Label(string status) => Statuses.FirstOrDefault(s => s.Value == status).Label ?? status;

    public async Task<GroupStatusChangeOutcome> ChangeAsync(Guid key, string? status, string actor, CancellationToken cancellationToken = default)
    {
        if (groups.Find(key) is not { } group)
        {
            return new GroupStatusChangeOutcome(GroupStatusChangeResult.GroupNotFound);
        }
        if (status is null || !Statuses.Any(s => s.Value == status))
        {
            return GroupStatusChangeOutcome.Invalid(GroupStatusChangeResult.UnknownStatus, "status", $"Statut inconnu : choisissez parmi {string.Join(", ", Statuses.Select(s => s.Value))}.");
        }
        if (await rule.CheckTransitionAsync(group, status, cancellationToken) is { } refusal)
        {
            return GroupStatusChangeOutcome.Invalid(GroupStatusChangeResult.RuleRefused, "status", refusal);
        }
        var outcome = await content.SaveAsync(new ContentWrite
        {
            Key = key,
            ContentType = WorkingGroupCatalog.ContentType,
            Name = group.Name,
            Values = new Dictionary<string, JsonNode?> { ["status"] = JsonValue.Create(status) },
            ReplaceValues = false,
            Publish = true,
        }, actor, cancellationToken);
        return outcome.Succeeded
            ? new GroupStatusChangeOutcome(GroupStatusChangeResult.Changed)
            : new GroupStatusChangeOutcome(GroupStatusChangeResult.Invalid, outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
    }
}
