using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Cms.Webhooks;

/// <summary>
/// The events a webhook can subscribe to, with Umbraco's aliases (a receiver written for Umbraco reads the
/// same <c>umb-webhook-event</c> header), and which change-feed kinds raise them.
/// </summary>
public static class WebhookEvents
{
    public const string ContentPublish = "Umbraco.ContentPublish";
    public const string ContentUnpublish = "Umbraco.ContentUnpublish";
    /// <summary>Moved to the recycle bin or deleted for good (the payload's <c>trashed</c> says which).</summary>
    public const string ContentDelete = "Umbraco.ContentDelete";
    public const string MediaSave = "Umbraco.MediaSave";
    public const string MediaDelete = "Umbraco.MediaDelete";
    /// <summary>The test ping sent from the back office; never subscribed to.</summary>
    public const string Ping = "Pole.Ping";

    public static readonly IReadOnlyList<string> All = [ContentPublish, ContentUnpublish, ContentDelete, MediaSave, MediaDelete];

    /// <summary>The event a change-feed entry raises, or null (drafts saved, moves, sorts, restores raise none).</summary>
    public static string? FromChangeKind(string kind) => kind switch
    {
        ChangeKind.Published => ContentPublish,
        ChangeKind.Unpublished => ContentUnpublish,
        ChangeKind.Trashed or ChangeKind.Deleted => ContentDelete,
        MediaChangeKind.Saved => MediaSave,
        MediaChangeKind.Deleted => MediaDelete,
        _ => null,
    };

    public static bool IsMedia(string alias) => alias is MediaSave or MediaDelete;
}
