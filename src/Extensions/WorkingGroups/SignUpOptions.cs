namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>The double opt-in links of sign-ups (configuration section <c>PoleSignUps</c>, shared with <see cref="SignUpRetentionOptions"/>).</summary>
public sealed class SignUpOptions
{
    public const string Section = SignUpRetentionOptions.Section;

    /// <summary>How long a confirmation link works after it was sent. Default 7 days.</summary>
    public TimeSpan ConfirmLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long an unconfirmed sign-up is kept after its link expired, so « Renvoyer le lien » still works;
    /// then the retention job deletes it. Default 7 days.
    /// </summary>
    public TimeSpan ExpiredPendingKept { get; set; } = TimeSpan.FromDays(7);
}
