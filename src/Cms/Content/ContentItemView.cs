namespace PoleKnowledge.Cms.Content;

/// <summary>The draft view of an item for editors and the management API: tree position, current values, what is published.</summary>
public sealed class ContentItemView
{
    public required Guid Key { get; init; }
    public string? ImportKey { get; init; }
    public required string ContentType { get; init; }
    public Guid? ParentKey { get; init; }
    public int SortOrder { get; init; }
    public int Level { get; init; }
    public bool Trashed { get; init; }
    public int Revision { get; init; }
    public int Version { get; init; }
    public DateTime CreateDate { get; init; }
    public DateTime UpdateDate { get; init; }
    public required ContentData Data { get; init; }
    /// <summary>Culture ("" for invariant) → published version number and date.</summary>
    public IReadOnlyDictionary<string, PublishedCultureState> Published { get; init; } = new Dictionary<string, PublishedCultureState>();
    public IReadOnlyList<ScheduledAction> Schedule { get; init; } = [];
}

/// <summary>What is published in one culture.</summary>
public sealed record PublishedCultureState(int Version, DateTime PublishDate, string Name, string UrlSegment);

/// <summary>A pending scheduled publish or unpublish.</summary>
public sealed record ScheduledAction(long Id, string Culture, string Action, DateTime DueUtc);
