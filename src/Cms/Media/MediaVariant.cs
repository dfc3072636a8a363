namespace PoleKnowledge.Cms.Media;

/// <summary>
/// A processed image on disk: its file, content type and entity tag (stable for the same parameters); small
/// variants also carry their bytes, kept in memory so a hot thumbnail is served without touching the disk.
/// </summary>
public sealed record MediaVariant(string FilePath, string ContentType, string ETag)
{
    public byte[]? Content { get; init; }
}
