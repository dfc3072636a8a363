namespace PoleKnowledge.Cms.Schema;

/// <summary>A media type (<c>image</c>, <c>file</c>, <c>folder</c>): the same shape as a document type.</summary>
public sealed class MediaType
{
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public string? Icon { get; init; }
    public IReadOnlyList<string> AllowedChildren { get; init; } = [];
    /// <summary>Lower-case file extensions this type accepts (empty for folders).</summary>
    public IReadOnlyList<string> FileExtensions { get; init; } = [];
    public IReadOnlyList<PropertyType> Properties { get; init; } = [];
    public string SourceFile { get; init; } = "";
}
