namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>The result of a sign-up operation: what happened, to which sign-up, its waiting-list rank when waiting.</summary>
public sealed record SignUpOutcome(SignUpResult Result, Guid? SignUpId = null, Guid? GroupKey = null, int? WaitingRank = null)
{
    public bool Succeeded => Result is SignUpResult.PendingEmail or SignUpResult.Confirmed or SignUpResult.Waiting or SignUpResult.Cancelled;
}
