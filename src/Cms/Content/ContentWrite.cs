using System.Text.Json.Nodes;

namespace PoleKnowledge.Cms.Content;

/// <summary>
/// A request to create or update an item in one culture, as the importer, the management API and the
/// back office send it. The item is found by <see cref="Key"/> or <see cref="ImportKey"/>; absent both,
/// or when neither exists yet, it is created.
/// </summary>
public sealed class ContentWrite
{
    public Guid? Key { get; init; }
    public string? ImportKey { get; init; }
    public required string ContentType { get; init; }
    /// <summary>Parent by key; or <see cref="ParentRoute"/>; neither means a root item (or "keep the current parent" on update).</summary>
    public Guid? ParentKey { get; init; }
    /// <summary>Parent by draft route (<c>/ressources</c>, <c>/</c> for the root item).</summary>
    public string? ParentRoute { get; init; }
    /// <summary>The culture written; the default culture when null. Ignored (must be default) for invariant types.</summary>
    public string? Culture { get; init; }
    public required string Name { get; init; }
    public string? UrlSegment { get; init; }
    public IReadOnlyDictionary<string, JsonNode?> Values { get; init; } = new Dictionary<string, JsonNode?>();
    public int? SortOrder { get; init; }
    /// <summary>Publish the culture written (with the version this write creates).</summary>
    public bool Publish { get; init; }
    /// <summary>The revision the writer read; a different current revision is a conflict. Null skips the check (imports).</summary>
    public int? ExpectedRevision { get; init; }
    /// <summary>
    /// True (default): the culture's values become exactly <see cref="Values"/> (absent properties are
    /// cleared), which makes re-import idempotent. False: given values are merged into the current ones.
    /// Invariant values are only replaced by a write in the default culture.
    /// </summary>
    public bool ReplaceValues { get; init; } = true;
}
