namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>Outcomes of <see cref="GroupStatusPublisher.ChangeAsync"/>.</summary>
public enum GroupStatusChangeResult
{
    Changed,
    GroupNotFound,
    UnknownStatus,
    /// <summary>The concertation rule refused the move (409 on the API).</summary>
    RuleRefused,
    /// <summary>The content store refused the save (another write rule).</summary>
    Invalid,
}
