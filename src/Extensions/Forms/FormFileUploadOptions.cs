namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// File rules of an upload field. Extensions must be formats the media sniffer recognises (jpg, png, gif,
/// webp, pdf, docx, odt): the file's bytes must match its extension, so a renamed executable is refused.
/// </summary>
public sealed record FormFileUploadOptions(IReadOnlyList<string> AllowedUploadExtensions, int MaxFileSizeKb = 5120, bool AllowMultipleFileUploads = false, int MaxFiles = 3);
