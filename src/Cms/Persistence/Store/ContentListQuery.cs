namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>What a back-office list view asks for: the children of one parent, filtered, sorted and paged.</summary>
public sealed record ContentListQuery
{
    public Guid? ParentKey { get; init; }
    /// <summary>Part of the name (case-insensitive on ASCII letters), in any culture.</summary>
    public string? Filter { get; init; }
    public string? ContentType { get; init; }
    /// <summary><c>sortOrder</c> (tree order, the default), <c>name</c> or <c>updated</c>.</summary>
    public string Sort { get; init; } = "sortOrder";
    public bool Descending { get; init; }
    public bool Trashed { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 25;
}
