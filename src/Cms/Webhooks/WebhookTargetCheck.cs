namespace PoleKnowledge.Cms.Webhooks;

/// <summary>Why a target URL is refused (the back office words each one next to the field).</summary>
public enum WebhookTargetCheck
{
    Allowed,
    /// <summary>Not an absolute http(s) URL, or it carries a user name or password.</summary>
    Invalid,
    /// <summary>Plain http to a host not listed in <see cref="WebhookOptions.AllowHttpHosts"/>.</summary>
    HttpsRequired,
    /// <summary>A loopback, private, link-local or otherwise non-public address, not allowed by configuration.</summary>
    PrivateAddress,
}
