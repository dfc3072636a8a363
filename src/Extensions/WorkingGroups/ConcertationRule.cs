namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// The study's rule for concertation groups: they must include "base" structures, so a concertation cannot
/// move to "en cours" until at least one confirmed participant is a <c>structure-de-base</c>.
/// </summary>
public sealed class ConcertationRule(SignUpStore signUps)
{
    public const string BaseStructureCategory = "structure-de-base";

    /// <summary>Null when the move is allowed, otherwise why not (French, for editors).</summary>
    public Task<string?> CheckTransitionAsync(WorkingGroup group, string newStatus, CancellationToken cancellationToken = default) =>
        CheckTransitionAsync(group.Key, group.Modality, newStatus, cancellationToken);

    /// <summary>The same check from raw values (<see cref="ConcertationWriteRule"/> applies it to every content save).</summary>
    public async Task<string?> CheckTransitionAsync(Guid? groupKey, string? modality, string? newStatus, CancellationToken cancellationToken = default)
    {
        if (modality != "concertation" || newStatus != WorkingGroupStatus.Running)
        {
            return null;
        }
        IReadOnlyDictionary<string, int> balance = groupKey is { } key ? await signUps.ConfirmedByCategoryAsync(key, cancellationToken) : new Dictionary<string, int>();
        return balance.GetValueOrDefault(BaseStructureCategory) > 0
            ? null
            : "Une concertation ne peut passer « en cours » qu'avec au moins une structure de base inscrite et confirmée.";
    }
}
