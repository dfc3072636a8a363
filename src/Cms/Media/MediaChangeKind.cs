namespace PoleKnowledge.Cms.Media;

/// <summary>
/// Change-feed kinds for media rows (beside <see cref="ChangeFeed.ChangeKind"/> for content). The
/// content cache's subscriber reloads every key it sees and finds no content for a media key, so it
/// removes nothing; the media cache applies only these kinds.
/// </summary>
public static class MediaChangeKind
{
    public const string Saved = "media-saved";
    public const string Deleted = "media-deleted";

    public static bool IsMedia(string kind) => kind.StartsWith("media-", StringComparison.Ordinal);
}
