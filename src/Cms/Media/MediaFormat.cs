namespace PoleKnowledge.Cms.Media;

/// <summary>A file format the media library accepts, as decided from the file's bytes (never its name).</summary>
public sealed class MediaFormat
{
    private MediaFormat(string extension, string contentType, bool isImage)
    {
        Extension = extension;
        ContentType = contentType;
        IsImage = isImage;
    }

    public static MediaFormat Jpeg { get; } = new("jpg", "image/jpeg", true);
    public static MediaFormat Png { get; } = new("png", "image/png", true);
    public static MediaFormat Gif { get; } = new("gif", "image/gif", true);
    public static MediaFormat Webp { get; } = new("webp", "image/webp", true);
    public static MediaFormat Pdf { get; } = new("pdf", "application/pdf", false);
    public static MediaFormat Docx { get; } = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false);
    public static MediaFormat Odt { get; } = new("odt", "application/vnd.oasis.opendocument.text", false);

    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, Gif, Webp, Pdf, Docx, Odt];

    /// <summary>Lower-case extension without the dot, as stored and delivered.</summary>
    public string Extension { get; }

    public string ContentType { get; }

    public bool IsImage { get; }

    public static MediaFormat? FromExtension(string? extension) =>
        All.FirstOrDefault(f => string.Equals(f.Extension, extension, StringComparison.OrdinalIgnoreCase))
        ?? (string.Equals(extension, "jpeg", StringComparison.OrdinalIgnoreCase) ? Jpeg : null);

    public override string ToString() => Extension;
}
