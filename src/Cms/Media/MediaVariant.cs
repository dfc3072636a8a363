namespace PoleKnowledge.Cms.Media;

/// <summary>A processed image on disk: its file, content type and entity tag (stable for the same parameters).</summary>
public sealed record MediaVariant(string FilePath, string ContentType, string ETag);
