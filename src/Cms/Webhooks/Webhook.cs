namespace PoleKnowledge.Cms.Webhooks;

/// <summary>A webhook as the back office lists and edits it (the secret is shown only when created or regenerated).</summary>
public sealed record Webhook(Guid Key, string Name, string Url, IReadOnlyList<string> Events, IReadOnlyList<string> ContentTypes, bool Enabled, DateTime CreateDate, DateTime UpdateDate)
{
    /// <summary>Whether an event on an item of this type is for this hook (an unknown type matches only unfiltered hooks).</summary>
    public bool Matches(string eventAlias, string? type) =>
        Events.Contains(eventAlias, StringComparer.Ordinal) && (ContentTypes.Count == 0 || (type is not null && ContentTypes.Contains(type, StringComparer.Ordinal)));
}
