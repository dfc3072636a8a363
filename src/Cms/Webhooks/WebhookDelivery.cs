namespace PoleKnowledge.Cms.Webhooks;

/// <summary>One row of the delivery log: the event, its item, and the last attempt's outcome.</summary>
public sealed record WebhookDelivery(
    long Id, Guid WebhookKey, string Event, Guid NodeKey, string Status, int Attempts, DateTime CreateDate,
    DateTime? LastAttempt, DateTime? NextAttempt, int? StatusCode, int? DurationMs, string? Response, string Payload);
