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

    /// <summary>When false a valid <c>Api-Key</c> is required for every request.</summary>
    public bool PublicAccess { get; set; } = true;

    /// <summary>The shared secret for key-protected access and preview. Never valid when empty.</summary>
    public string? ApiKey { get; set; }

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

    /// <summary>Ordinal comparison, as Umbraco; no key configured means no key is ever valid.</summary>
    public bool IsValidApiKey(string? candidate) =>
        !string.IsNullOrEmpty(ApiKey) && string.Equals(ApiKey, candidate, StringComparison.Ordinal);
}
