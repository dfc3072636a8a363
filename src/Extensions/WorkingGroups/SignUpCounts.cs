namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>A group's sign-ups by state: seats taken, waiting list, e-mails not yet confirmed (still valid links only).</summary>
public sealed record SignUpCounts(int Confirmed, int Waiting, int Pending)
{
    public static readonly SignUpCounts None = new(0, 0, 0);
}
