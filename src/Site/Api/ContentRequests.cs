using System.Text.Json.Nodes;

namespace PoleKnowledge.Site.Api;

/// <summary>Body of create and update requests (the import format's keys, as JSON).</summary>
internal sealed class ContentWriteRequest
{
    public string? ContentType { get; set; }
    public string? Name { get; set; }
    public string? Key { get; set; }
    public Guid? ParentKey { get; set; }
    public string? Parent { get; set; }
    public string? Culture { get; set; }
    public string? UrlSegment { get; set; }
    public int? SortOrder { get; set; }
    public bool Publish { get; set; }
    public int? Revision { get; set; }
    /// <summary>When false (PATCH semantics), given values are merged into the current ones.</summary>
    public bool? ReplaceValues { get; set; }
    public Dictionary<string, JsonNode?>? Values { get; set; }
}

/// <summary>Cultures to publish or unpublish (all when empty).</summary>
internal sealed class CulturesRequest
{
    public List<string>? Cultures { get; set; }
}

/// <summary>A scheduled publish and/or unpublish of one culture (or all).</summary>
internal sealed class ScheduleRequest
{
    public string? Culture { get; set; }
    public DateTimeOffset? PublishAt { get; set; }
    public DateTimeOffset? UnpublishAt { get; set; }
}

/// <summary>Move target.</summary>
internal sealed class MoveRequest
{
    public Guid? ParentKey { get; set; }
    public int? SortOrder { get; set; }
}

/// <summary>Copy target.</summary>
internal sealed class CopyRequest
{
    public Guid? ParentKey { get; set; }
}

/// <summary>New order of the children of a parent.</summary>
internal sealed class SortRequest
{
    public Guid? ParentKey { get; set; }
    public List<Guid>? Keys { get; set; }
}

/// <summary>Rollback guard.</summary>
internal sealed class RollbackRequest
{
    public int? Revision { get; set; }
}
