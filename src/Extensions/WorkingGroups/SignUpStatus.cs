namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>Where a sign-up stands. Stored as an integer: never renumber.</summary>
public enum SignUpStatus
{
    /// <summary>Waiting for the visitor to click the link in the double opt-in e-mail.</summary>
    PendingEmail = 0,
    Confirmed = 1,
    Waiting = 2,
    Cancelled = 3,
    Declined = 4,
}
