namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>
/// A media item (image, file) or media folder: tree place, file facts and editable properties in one row.
/// Media have no versions or publication: a save is live as soon as the feed is applied (as in Umbraco).
/// </summary>
internal sealed class MediaNodeEntity
{
    public Guid Key { get; set; }
    public Guid? ParentKey { get; set; }
    public required string Name { get; set; }
    /// <summary>The media type alias of <c>content-schema/media-types</c> (<c>image</c>, <c>file</c>, <c>folder</c>).</summary>
    public required string MediaType { get; set; }
    /// <summary>Keys of the ancestors and the item itself, "/"-separated with leading and trailing "/": a prefix match finds descendants.</summary>
    public required string Path { get; set; }
    /// <summary>1 for an item at the root of the media tree.</summary>
    public int Level { get; set; }
    public int SortOrder { get; set; }
    /// <summary>The original file, relative to the media folder (<c>{key:N}/{file name}</c>); null for folders.</summary>
    public string? FilePath { get; set; }
    public long? Bytes { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>Lower-case extension decided by content sniffing (never the uploaded name's).</summary>
    public string? Extension { get; set; }
    public decimal? FocalLeft { get; set; }
    public decimal? FocalTop { get; set; }
    /// <summary>Named crops as the Delivery API writes them (a JSON array), or null.</summary>
    public string? Crops { get; set; }
    /// <summary>The media type's properties (altText, caption, description…) as one JSON object.</summary>
    public required string Properties { get; set; }
    /// <summary>Text extracted from PDF, DOCX and ODT files, for search.</summary>
    public string? Text { get; set; }
    public DateTime CreateDateUtc { get; set; }
    public DateTime UpdateDateUtc { get; set; }
    /// <summary>Optimistic concurrency token: bumped by every write to the item.</summary>
    public int Revision { get; set; }
    public string? CreatedBy { get; set; }
}
