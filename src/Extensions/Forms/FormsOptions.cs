namespace PoleKnowledge.Extensions.Forms;

/// <summary>Forms API settings (configuration section <c>PoleForms</c>), modelled on Umbraco Forms' security options.</summary>
public sealed class FormsOptions
{
    public const string Section = "PoleForms";

    /// <summary>Browser posts must carry the anti-forgery header (served with the definition). Default true.</summary>
    public bool EnableAntiForgeryToken { get; set; } = true;

    /// <summary>Server-to-server clients send this in an <c>Api-Key</c> header instead of anti-forgery and fill-time tokens.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Entries one client IP may post to one form per minute.</summary>
    public int PerIpPermitsPerMinute { get; set; } = 10;

    /// <summary>Entries one form accepts per minute from everyone together.</summary>
    public int PerFormPermitsPerMinute { get; set; } = 120;

    /// <summary>Largest request body (uploads travel base64-encoded inside the JSON).</summary>
    public long MaxRequestBytes { get; set; } = 12 * 1024 * 1024;

    /// <summary>
    /// Waits before each new try of a failed webhook call; unset: 10 s, 1 min, 5 min (four attempts in all). Null
    /// by default because the configuration binder appends to an array that already has items.
    /// </summary>
    public TimeSpan[]? WebhookRetryDelays { get; set; }

    internal TimeSpan[] EffectiveWebhookRetryDelays => WebhookRetryDelays ?? [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];
}
