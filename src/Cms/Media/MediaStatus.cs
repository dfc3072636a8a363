namespace PoleKnowledge.Cms.Media;

/// <summary>How a media write ended; the HTTP edge maps each to a status code.</summary>
public enum MediaStatus
{
    Ok,
    Created,
    Invalid,
    NotFound,
    Conflict,
    /// <summary>The file is larger than <see cref="MediaOptions.MaxUploadBytes"/> (413).</summary>
    TooLarge,
    /// <summary>The file's bytes are none of the accepted formats (415).</summary>
    UnsupportedType,
    /// <summary>The image has more pixels than <see cref="MediaOptions.MaxMegapixels"/> (422, checked from the header).</summary>
    TooManyPixels,
}
