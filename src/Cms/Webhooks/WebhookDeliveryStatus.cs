namespace PoleKnowledge.Cms.Webhooks;

/// <summary>States of a delivery row: waiting (first attempt or a retry), delivered (2xx), given up.</summary>
public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
