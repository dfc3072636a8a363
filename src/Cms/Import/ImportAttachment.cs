namespace PoleKnowledge.Cms.Import;

/// <summary>A file beside an imported Markdown file that becomes a media item, picked by <see cref="Property"/>.</summary>
internal sealed record ImportAttachment(string Property, string AbsolutePath, string RelativePath, Guid MediaKey, bool IsImage);
