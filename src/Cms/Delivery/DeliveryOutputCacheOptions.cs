namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// <c>DeliveryApi:OutputCache</c>: ASP.NET Core output caching of public, non-preview Delivery API responses.
/// Entries are also evicted whenever the published cache applies a change, so the durations only bound
/// how long an entry lives without traffic.
/// </summary>
public sealed class DeliveryOutputCacheOptions
{
    /// <summary>Off by default, as in Umbraco.</summary>
    public bool Enabled { get; set; }

    /// <summary>Lifetime of content responses; zero or less disables caching of content.</summary>
    public TimeSpan ContentDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Lifetime of media responses (for the media endpoints); zero or less disables it.</summary>
    public TimeSpan MediaDuration { get; set; } = TimeSpan.FromMinutes(1);
}
