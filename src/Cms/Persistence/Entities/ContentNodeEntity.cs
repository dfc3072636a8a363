namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>A content item's place in the tree and its bookkeeping. Values live in <see cref="ContentVersionEntity"/>.</summary>
internal sealed class ContentNodeEntity
{
    public Guid Key { get; set; }
    /// <summary>The readable key given by an import file, unique when present.</summary>
    public string? ImportKey { get; set; }
    public Guid? ParentKey { get; set; }
    public required string ContentType { get; set; }
    public int SortOrder { get; set; }
    /// <summary>1 for a root item.</summary>
    public int Level { get; set; }
    /// <summary>Keys of the ancestors and the item itself, "/"-separated with leading and trailing "/": a prefix match finds descendants.</summary>
    public required string Path { get; set; }
    public bool Trashed { get; set; }
    public DateTime CreateDateUtc { get; set; }
    public DateTime UpdateDateUtc { get; set; }
    /// <summary>Number of the newest version (the draft).</summary>
    public int CurrentVersion { get; set; }
    /// <summary>Optimistic concurrency token: bumped by every write to the item.</summary>
    public int Revision { get; set; }
    public string? CreatedBy { get; set; }
}
