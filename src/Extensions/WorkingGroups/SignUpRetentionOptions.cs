namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>Retention of sign-up data (configuration section <c>PoleSignUps</c>).</summary>
public sealed class SignUpRetentionOptions
{
    public const string Section = "PoleSignUps";

    /// <summary>Months after a group's end (its <c>periodEnd</c>) before its sign-ups are removed. Default 12.</summary>
    public int RetentionMonths { get; set; } = 12;

    /// <summary><c>Anonymise</c> (default: keeps counts and structures, removes people) or <c>Delete</c>.</summary>
    public string Mode { get; set; } = "Anonymise";

    /// <summary>How often the job runs (at most every 49 days: the longest period a timer takes).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Run on the schedule (default). Off, retention only runs when called (tests, a CLI verb).</summary>
    public bool RunOnSchedule { get; set; } = true;

    public bool Deletes => string.Equals(Mode, "Delete", StringComparison.OrdinalIgnoreCase);
}
