namespace PoleKnowledge.Cms.Webhooks;

/// <summary>What an administrator sets on a webhook (validated by the caller with <see cref="WebhookTargetPolicy"/>).</summary>
public sealed record WebhookInput(string Name, string Url, IReadOnlyList<string> Events, IReadOnlyList<string> ContentTypes, bool Enabled);
