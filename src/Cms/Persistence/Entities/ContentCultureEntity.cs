namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>
/// The current (draft) name and URL segment of an item in one culture ("" for invariant items),
/// kept beside the version so sibling segment clashes are one indexed query.
/// </summary>
internal sealed class ContentCultureEntity
{
    public long Id { get; set; }
    public Guid NodeKey { get; set; }
    public Guid? ParentKey { get; set; }
    public required string Culture { get; set; }
    public required string Name { get; set; }
    public required string UrlSegment { get; set; }
    public DateTime UpdateDateUtc { get; set; }
}
