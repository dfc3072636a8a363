namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// The study's rule for concertation groups: they must include "base" structures, so a concertation cannot
/// move to "en cours" until at least one confirmed participant is a <c>structure-de-base</c>.
/// </summary>
public sealed class ConcertationRule(SignUpStore signUps)
{
    public const string BaseStructureCategory = "structure-de-base";

    /// <summary>Null when the move is allowed, otherwise why not (French, for editors).</summary>
    public async Task<string?> CheckTransitionAsync(WorkingGroup group, string newStatus, CancellationToken cancellationToken = default)
    {
        if (!group.IsConcertation || newStatus != WorkingGroupStatus.Running)
        {
            return null;
        }
        var balance = await signUps.ConfirmedByCategoryAsync(group.Key, cancellationToken);
        return balance.GetValueOrDefault(BaseStructureCategory) > 0
            ? null
            : "Une concertation ne peut passer « en cours » qu'avec au moins une structure de base inscrite et confirmée.";
    }
}
