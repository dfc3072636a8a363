namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// The Delivery API switches, bound from the configuration section <c>DeliveryApi</c> (Umbraco's
/// <c>Umbraco:CMS:DeliveryApi</c>, same key names). Read once at start: changing the type lists needs a
/// restart (and, once the query index exists, a re-index), as in Umbraco.
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "DeliveryApi";

    /// <summary>Master switch; when false every Delivery API request answers 401. Umbraco defaults to false; ours is on because the hub is headless-first.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When false a valid <c>Api-Key</c> is required for every request (the configured value; see <see cref="IsPublic"/>).</summary>
    public bool PublicAccess { get; set; } = true;

    /// <summary>The shared secret for key-protected access and preview, from configuration. Never valid when empty; a key generated in the back office replaces it.</summary>
    public string? ApiKey { get; set; }

    private volatile DeliveryAccessOverride _stored = DeliveryAccessOverride.None;

    /// <summary>
    /// The back office's settings, applied over the configuration as soon as they are saved on this node (other
    /// nodes refresh within <see cref="DeliveryAccessStore.RefreshInterval"/>).
    /// </summary>
    public DeliveryAccessOverride Stored
    {
        get => _stored;
        set => _stored = value ?? DeliveryAccessOverride.None;
    }

    /// <summary>Public access as it applies now: the back office's choice, else configuration's <see cref="PublicAccess"/>.</summary>
    public bool IsPublic => _stored.PublicAccess ?? PublicAccess;

    /// <summary>When non-empty only these document types are exposed (takes precedence over <see cref="DisallowedContentTypeAliases"/>).</summary>
    public IList<string> AllowedContentTypeAliases { get; } = [];

    /// <summary>Document types never exposed: not found by id or path, dropped from lists, null in pickers.</summary>
    public IList<string> DisallowedContentTypeAliases { get; } = [];

    /// <summary>Accepted for configuration compatibility and ignored: the hub has no rich-text editor (Markdown is delivered as HTML).</summary>
    public bool RichTextOutputAsJson { get; set; }

    public DeliveryOutputCacheOptions OutputCache { get; } = new();

    /// <summary>Whether items of a document type may be delivered at all.</summary>
    public bool IsContentTypeAllowed(string alias) =>
        AllowedContentTypeAliases.Count > 0
            ? AllowedContentTypeAliases.Contains(alias, StringComparer.Ordinal)
            : !DisallowedContentTypeAliases.Contains(alias, StringComparer.Ordinal);

    /// <summary>
    /// The key generated in the back office when there is one (compared by SHA-256 hash in constant time; a
    /// revocation stored there means no key is valid); otherwise the configured key (ordinal comparison, as Umbraco).
    /// No key anywhere means no key is ever valid.
    /// </summary>
    public bool IsValidApiKey(string? candidate)
    {
        var stored = _stored;
        if (stored.OverridesKey)
        {
            return stored.KeyHash!.Length > 0 && !string.IsNullOrEmpty(candidate) && candidate.Length <= 200
                && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(DeliveryAccessStore.Hash(candidate)), System.Text.Encoding.ASCII.GetBytes(stored.KeyHash));
        }
        return !string.IsNullOrEmpty(ApiKey) && string.Equals(ApiKey, candidate, StringComparison.Ordinal);
    }
}
