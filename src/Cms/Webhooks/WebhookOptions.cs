namespace PoleKnowledge.Cms.Webhooks;

/// <summary>Webhook delivery settings, bound from the configuration section <c>Webhooks</c> and validated at start.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Allow targets on loopback, private, link-local and other non-public addresses. Off by default: a
    /// webhook must not become a way to reach the hub's own network (SSRF). Tests and development turn it on.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Hosts that may be called over plain <c>http</c> (development receivers); every other target needs https.</summary>
    public IList<string> AllowHttpHosts { get; } = [];

    /// <summary>How long one attempt may take, connection and answer included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a delivery is marked failed (the first one included).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; each later retry waits four times longer (30 s, 2 min, 8 min, 32 min).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long delivery rows (the log) are kept.</summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often the dispatcher looks for due retries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Characters of the receiver's answer kept in the log.</summary>
    public int MaxResponseChars { get; set; } = 1000;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBeforeRetry(int retry) => RetryDelay * Math.Pow(4, Math.Clamp(retry - 1, 0, 10));
}
