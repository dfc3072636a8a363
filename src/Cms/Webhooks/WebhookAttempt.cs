namespace PoleKnowledge.Cms.Webhooks;

/// <summary>The outcome of one POST: the receiver's status (null when none came), its duration and the start of its answer.</summary>
public readonly record struct WebhookAttempt(int? StatusCode, int DurationMs, string? Response)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
