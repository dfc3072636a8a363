namespace PoleKnowledge.Extensions.Forms;

/// <summary>One webhook call to make: the form, the entry, the JSON body, and how many attempts were made so far.</summary>
public sealed record FormWebhookDelivery(string FormAlias, Guid EntryId, Uri Url, byte[] Body)
{
    public int Attempts { get; init; }
}
