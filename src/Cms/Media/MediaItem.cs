namespace PoleKnowledge.Cms.Media;

/// <summary>
/// A media item or folder as stored, served and delivered (media have no drafts: the stored item is the
/// published one). Immutable; the <see cref="PublishedMediaCache"/> replaces it whole.
/// </summary>
public sealed class MediaItem
{
    public required Guid Key { get; init; }
    public Guid? ParentKey { get; init; }
    public required string Name { get; init; }
    /// <summary>The media type alias as in <c>content-schema/media-types</c>: <c>image</c>, <c>file</c> or <c>folder</c>.</summary>
    public required string MediaType { get; init; }
    public int SortOrder { get; init; }
    public int Level { get; init; }
    /// <summary>The stored file relative to the media folder (<c>{key:N}/{file name}</c>); null for folders.</summary>
    public string? FilePath { get; init; }
    public long? Bytes { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public string? Extension { get; init; }
    public decimal? FocalLeft { get; init; }
    public decimal? FocalTop { get; init; }
    /// <summary>Named crops as a JSON array (<c>[{alias,width,height,coordinates}]</c>), or null.</summary>
    public string? Crops { get; init; }
    /// <summary>The media type's properties as a JSON object.</summary>
    public string Properties { get; init; } = "{}";
    public bool HasText { get; init; }
    public DateTime CreateDate { get; init; }
    public DateTime UpdateDate { get; init; }
    public int Revision { get; init; }

    public bool IsFolder => FilePath is null;

    /// <summary>The file name part of the URL (<c>rapport-2026.pdf</c>); null for folders.</summary>
    public string? FileName => FilePath is null ? null : FilePath[(FilePath.LastIndexOf('/') + 1)..];

    /// <summary>The public URL of the original (<c>/media/{key}/{file name}</c>); empty for folders, as Umbraco.</summary>
    public string Url => FileName is null ? "" : $"/media/{Key:D}/{FileName}";

    public MediaFormat? Format => MediaFormat.FromExtension(Extension);
}
