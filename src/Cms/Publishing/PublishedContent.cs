namespace PoleKnowledge.Cms.Publishing;

/// <summary>
/// A published item in the in-memory published cache. Immutable: the change-feed consumer replaces
/// the whole object when the item changes, so readers never see half an update.
/// </summary>
public sealed class PublishedContent
{
    public required Guid Key { get; init; }
    public required string ContentType { get; init; }
    public Guid? ParentKey { get; init; }
    public int SortOrder { get; init; }
    public int Level { get; init; }
    public DateTime CreateDate { get; init; }
    /// <summary>Published cultures; an invariant item has the single culture <c>""</c>.</summary>
    public required IReadOnlyDictionary<string, PublishedCulture> Cultures { get; init; }

    public bool IsInvariant => Cultures.ContainsKey("");

    /// <summary>The published data in a culture (the invariant data for invariant items), or null.</summary>
    public PublishedCulture? ForCulture(string culture) =>
        Cultures.TryGetValue("", out var invariant) ? invariant : Cultures.GetValueOrDefault(culture);
}
