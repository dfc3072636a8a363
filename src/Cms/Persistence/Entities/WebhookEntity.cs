namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>A webhook: where to POST, for which events and item types, signed with which secret.</summary>
internal sealed class WebhookEntity
{
    public Guid Key { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    /// <summary>Event aliases (<c>Umbraco.ContentPublish</c>…), comma-separated.</summary>
    public required string Events { get; set; }
    /// <summary>Content or media type aliases the hook is limited to, comma-separated; empty for every type.</summary>
    public required string ContentTypes { get; set; }
    public bool Enabled { get; set; }
    /// <summary>The HMAC-SHA256 key of the signature header. Kept readable: the hub must sign with it.</summary>
    public required string Secret { get; set; }
    public DateTime CreateDateUtc { get; set; }
    public DateTime UpdateDateUtc { get; set; }
}
