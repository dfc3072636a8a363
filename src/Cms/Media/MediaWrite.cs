using System.Text.Json.Nodes;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// What a writer sends to create or change a media item. On create <see cref="Content"/> is the file (null
/// for a folder). On update only what is set changes; <see cref="Move"/> says whether <see cref="ParentKey"/> is meant.
/// </summary>
public sealed class MediaWrite
{
    /// <summary>On create: the new item's key (imports derive it from the file's path, so re-imports find it); default a new GUID.</summary>
    public Guid? Key { get; init; }
    public string? Name { get; init; }
    public Guid? ParentKey { get; init; }
    /// <summary>On update: true when <see cref="ParentKey"/> was given (null then means the root).</summary>
    public bool Move { get; init; }
    public int? SortOrder { get; init; }
    /// <summary>The uploaded file name: only its stem is used in the URL (the extension comes from the bytes).</summary>
    public string? FileName { get; init; }
    public byte[]? Content { get; init; }
    /// <summary><c>{"left":0.5,"top":0.4}</c> or <c>"0.5,0.4"</c>; JSON null clears it.</summary>
    public JsonNode? FocalPoint { get; init; }
    public bool HasFocalPoint { get; init; }
    /// <summary><c>[{"alias":"hero","width":1600,"height":600,"coordinates":{x1,y1,x2,y2}|null}]</c>; JSON null clears them.</summary>
    public JsonNode? Crops { get; init; }
    public bool HasCrops { get; init; }
    /// <summary>Media type properties by alias (altText, caption, description…); on update, only these change.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Properties { get; init; } = new Dictionary<string, JsonNode?>();
    /// <summary>The revision the writer read (optimistic concurrency); null skips the check.</summary>
    public int? Revision { get; init; }
}
