using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Processing;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// Every use of ImageSharp. Its configuration knows only JPEG, PNG, WebP and GIF (not
/// <c>Configuration.Default</c>, which also parses BMP, TGA, TIFF, PBM…): less parser surface for
/// crafted files. Sizes are read from the header (<c>Image.Identify</c>) and checked before any decode,
/// so a 50,000×50,000 PNG header costs nothing.
/// </summary>
internal static class MediaImageProcessor
{
    // GPS tags live in their own IFD with ids 0x0000–0x001F; 0x8825 is the pointer to that IFD.
    private const ushort LastGpsTag = 0x001F;
    private const ushort GpsIfdPointer = 0x8825;

    public static Configuration Configuration { get; } = new(
        new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule(), new GifConfigurationModule());

    /// <summary>Width and height from the header; null when the header is unreadable.</summary>
    public static (int Width, int Height)? Identify(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var info = Image.Identify(Configuration, stream);
            return info is null ? null : (info.Width, info.Height);
        }
        catch (Exception exception) when (exception is ImageFormatException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Decodes the whole upload (a truncated or corrupt file fails here, not when a visitor asks for it) and
    /// removes EXIF GPS data by re-encoding when there is any. Returns the bytes to store, or an error sentence.
    /// </summary>
    public static (byte[]? Content, string? Error) PrepareUpload(byte[] content, MediaFormat format)
    {
        if (!HasTrailer(content, format))
        {
            return (null, $"The {format.Extension.ToUpperInvariant()} file is truncated (its end marker is missing).");
        }
        try
        {
            using var image = Image.Load(Configuration, content);
            var exif = image.Metadata.ExifProfile;
            var gps = exif?.Values.Where(v => IsGps(v.Tag)).Select(v => v.Tag).ToList() ?? [];
            var frameGps = image.Frames.Any(f => f.Metadata.ExifProfile?.Values.Any(v => IsGps(v.Tag)) == true);
            if (gps.Count == 0 && !frameGps)
            {
                return (content, null);
            }
            foreach (var tag in gps)
            {
                exif!.RemoveValue(tag);
            }
            foreach (var frame in image.Frames)
            {
                if (frame.Metadata.ExifProfile is { } frameExif)
                {
                    foreach (var tag in frameExif.Values.Where(v => IsGps(v.Tag)).Select(v => v.Tag).ToList())
                    {
                        frameExif.RemoveValue(tag);
                    }
                }
            }
            using var output = new MemoryStream();
            image.Save(output, Encoder(format.Extension, 92));
            return (output.ToArray(), null);
        }
        catch (Exception exception) when (exception is ImageFormatException or InvalidDataException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
        {
            return (null, $"The image could not be read ({exception.GetType().Name}): the file is damaged or not really a {format.Extension.ToUpperInvariant()}.");
        }
    }

    private static bool IsGps(ExifTag tag)
    {
        var id = (ushort)tag;
        return id <= LastGpsTag || id == GpsIfdPointer;
    }

    /// <summary>Structural end markers: ImageSharp decodes a cut-off JPEG as grey without complaint.</summary>
    internal static bool HasTrailer(byte[] content, MediaFormat format)
    {
        var tail = content.AsSpan(Math.Max(0, content.Length - 4096));
        if (format == MediaFormat.Jpeg)
        {
            return tail.IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
        }
        if (format == MediaFormat.Png)
        {
            return tail.IndexOf("IEND"u8) >= 0;
        }
        if (format == MediaFormat.Gif)
        {
            return tail.TrimEnd((byte)0).EndsWith((ReadOnlySpan<byte>)[0x3B]);
        }
        if (format == MediaFormat.Webp)
        {
            return content.Length >= 12 && BitConverter.ToUInt32(content, 4) + 8L <= content.Length;
        }
        return true;
    }

    /// <summary>Renders a variant of the original file into <paramref name="output"/>; returns the output format.</summary>
    public static MediaFormat Render(string originalPath, MediaFormat originalFormat, ImageRequest request, (double X, double Y)? focalPoint, int maxSide, Stream output)
    {
        using var image = Image.Load(Configuration, originalPath);
        image.Mutate(x => x.AutoOrient());
        if (request.Crop is { } crop)
        {
            // Shares of the upright image: the same numbers whatever the size of the copy rendered from.
            var left = (int)Math.Round(crop.X1 * image.Width);
            var top = (int)Math.Round(crop.Y1 * image.Height);
            var right = (int)Math.Round(crop.X2 * image.Width);
            var bottom = (int)Math.Round(crop.Y2 * image.Height);
            var rectangle = new Rectangle(left, top, Math.Max(1, image.Width - left - right), Math.Max(1, image.Height - top - bottom));
            image.Mutate(x => x.Crop(rectangle));
            focalPoint = null;
        }
        if (request.Width is not null || request.Height is not null)
        {
            var width = Math.Min(request.Width ?? 0, maxSide);
            var height = Math.Min(request.Height ?? 0, maxSide);
            var center = request.Center ?? focalPoint;
            var options = new ResizeOptions
            {
                Size = new Size(width, height),
                Mode = Mode(request.Mode),
                Position = Anchor(request.Anchor),
                CenterCoordinates = center is { } c && request.Anchor is null ? new PointF((float)c.X, (float)c.Y) : null,
            };
            image.Mutate(x => x.Resize(options));
        }
        if (request.BackgroundColor is { } background && TryColor(background, out var color))
        {
            image.Mutate(x => x.BackgroundColor(color));
        }
        var format = request.Format is { } f ? MediaFormat.FromExtension(f)! : originalFormat;
        image.Save(output, Encoder(format.Extension, request.Quality));
        return format;
    }

    /// <summary>
    /// Writes the original, upright and 1/<paramref name="divisor"/> of its size, as a high-quality JPEG: the
    /// source of small variants (see <see cref="MediaVariantCache"/>). Upright, so its orientation tag is gone.
    /// </summary>
    public static void WriteWorkingCopy(string originalPath, int divisor, Stream output)
    {
        using var image = Image.Load(Configuration, originalPath);
        image.Mutate(x => x.AutoOrient());
        image.Mutate(x => x.Resize(Math.Max(1, image.Width / divisor), Math.Max(1, image.Height / divisor)));
        image.Save(output, new JpegEncoder { Quality = 95 });
    }

    private static bool TryColor(string value, out Color color)
    {
        var hex = value.TrimStart('#');
        return Color.TryParseHex(hex, out color) || Color.TryParse(value, out color);
    }

    private static ResizeMode Mode(string? mode) => mode switch
    {
        "pad" => ResizeMode.Pad,
        "boxpad" => ResizeMode.BoxPad,
        "max" => ResizeMode.Max,
        "min" => ResizeMode.Min,
        "stretch" => ResizeMode.Stretch,
        _ => ResizeMode.Crop,
    };

    private static AnchorPositionMode Anchor(string? anchor) => anchor switch
    {
        "top" => AnchorPositionMode.Top,
        "bottom" => AnchorPositionMode.Bottom,
        "left" => AnchorPositionMode.Left,
        "right" => AnchorPositionMode.Right,
        "topleft" => AnchorPositionMode.TopLeft,
        "topright" => AnchorPositionMode.TopRight,
        "bottomleft" => AnchorPositionMode.BottomLeft,
        "bottomright" => AnchorPositionMode.BottomRight,
        _ => AnchorPositionMode.Center,
    };

    private static IImageEncoder Encoder(string extension, int? quality) => extension switch
    {
        "png" => new PngEncoder(),
        "gif" => new GifEncoder(),
        "webp" => new WebpEncoder { Quality = quality ?? 80 },
        _ => new JpegEncoder { Quality = quality ?? 82 },
    };
}
