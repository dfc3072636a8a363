namespace PoleKnowledge.Cms.Search;

/// <summary>One result: the item's identity and card (from the published cache), its score and its highlighted snippet (HTML: escaped text and <c>&lt;mark&gt;</c>).</summary>
public sealed record SearchHit(Guid Key, string ContentType, string Name, string Route, string Summary, float Score, string Snippet);
