namespace PoleKnowledge.Cms.ChangeFeed;

/// <summary>What happened to an item, as written in the change feed. Consumers reload the item whatever the kind; the kind is for logs, webhooks and audit.</summary>
public static class ChangeKind
{
    public const string Saved = "saved";
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string Moved = "moved";
    public const string Sorted = "sorted";
    public const string Trashed = "trashed";
    public const string Restored = "restored";
    public const string Deleted = "deleted";
}
