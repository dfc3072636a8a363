namespace PoleKnowledge.Site.BackOffice;

/// <summary>Settings of the back office (section <c>BackOffice</c>).</summary>
public sealed class BackOfficeOptions
{
    public const string Section = "BackOffice";

    /// <summary>Sign-in attempts allowed per client address and minute before a "try again later" answer.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>The editors' time zone: schedules are typed and shown in it, stored in UTC.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>How long a signed-in session lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The public address used in e-mailed links (review requests, password reset); the request's own address when empty.</summary>
    public string? PublicBaseUrl { get; set; }
}
