using System.Globalization;
using System.Text;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// The image processing parameters of a media URL, as Umbraco front ends write them (ImageSharp.Web's
/// vocabulary): <c>width, height, rmode, ranchor, rxy, format, quality, bgcolor</c>, plus <c>v</c>
/// (a cache buster, ignored). Unknown parameters are ignored, as ImageSharp.Web does; known ones with a bad value are refused.
/// </summary>
public sealed record ImageRequest
{
    public static readonly IReadOnlyList<string> Modes = ["crop", "pad", "boxpad", "max", "min", "stretch"];
    public static readonly IReadOnlyList<string> Anchors = ["center", "top", "bottom", "left", "right", "topleft", "topright", "bottomleft", "bottomright"];
    public static readonly IReadOnlyList<string> Formats = ["jpg", "png", "webp", "gif"];

    public int? Width { get; init; }
    public int? Height { get; init; }
    /// <summary>Resize mode; null means <c>crop</c> (ImageSharp.Web's default).</summary>
    public string? Mode { get; init; }
    public string? Anchor { get; init; }
    /// <summary>Centre of a crop, 0..1 each (<c>rxy=0.4,0.3</c>).</summary>
    public (double X, double Y)? Center { get; init; }

    /// <summary>
    /// A crop of the original before any resize (<c>crop=x1,y1,x2,y2&amp;cropmode=percentage</c>, as Umbraco's image
    /// cropper URLs): the shares cut from the left, top, right and bottom, the same numbers as a crop's
    /// <c>coordinates</c> in the Delivery API.
    /// </summary>
    public (double X1, double Y1, double X2, double Y2)? Crop { get; init; }
    /// <summary>Output format; null keeps the original's.</summary>
    public string? Format { get; init; }
    public int? Quality { get; init; }
    /// <summary>Background for padding, as given (<c>fff</c>, <c>ffffff</c>, <c>white</c>).</summary>
    public string? BackgroundColor { get; init; }

    /// <summary>True when nothing is asked: the original file is served.</summary>
    public bool IsEmpty => Crop is null && Width is null && Height is null && Mode is null && Anchor is null && Center is null && Format is null && Quality is null && BackgroundColor is null;

    /// <summary>The parameters in a fixed order (no <c>v</c>, no <c>hmac</c>): compares with presets and names cached variants.</summary>
    public string CanonicalKey
    {
        get
        {
            var builder = new StringBuilder();
            void Add(string name, string? value)
            {
                if (value is not null)
                {
                    builder.Append(builder.Length == 0 ? "" : "&").Append(name).Append('=').Append(value);
                }
            }
            Add("crop", Crop is { } k ? string.Create(CultureInfo.InvariantCulture, $"{k.X1:0.####},{k.Y1:0.####},{k.X2:0.####},{k.Y2:0.####}") : null);
            Add("width", Width?.ToString(CultureInfo.InvariantCulture));
            Add("height", Height?.ToString(CultureInfo.InvariantCulture));
            Add("rmode", Mode);
            Add("ranchor", Anchor);
            Add("rxy", Center is { } c ? string.Create(CultureInfo.InvariantCulture, $"{c.X:0.####},{c.Y:0.####}") : null);
            Add("format", Format);
            Add("quality", Quality?.ToString(CultureInfo.InvariantCulture));
            Add("bgcolor", BackgroundColor);
            return builder.ToString();
        }
    }

    /// <summary>Parses a raw query string (<c>?width=640&amp;rmode=crop</c>); null with an error naming the parameter when a value is bad.</summary>
    public static ImageRequest? Parse(string query, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(part[(equals + 1)..].Replace('+', ' '));
            pairs.Add(new(name, value));
        }
        return Parse(pairs, out error);
    }

    /// <summary>Parses decoded name/value pairs; the last value of a repeated parameter wins.</summary>
    public static ImageRequest? Parse(IEnumerable<KeyValuePair<string, string>> parameters, out string? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        error = null;
        var request = new ImageRequest();
        foreach (var (rawName, rawValue) in parameters)
        {
            var value = rawValue.Trim();
            switch (rawName.ToLowerInvariant())
            {
                case "width":
                    request = Dimension(value, "width", ref error) is { } w ? request with { Width = w } : request;
                    break;
                case "height":
                    request = Dimension(value, "height", ref error) is { } h ? request with { Height = h } : request;
                    break;
                case "rmode":
                    request = request with { Mode = OneOf(value, Modes, "rmode", ref error) };
                    break;
                case "ranchor":
                    request = request with { Anchor = OneOf(value, Anchors, "ranchor", ref error) };
                    break;
                case "rxy":
                    request = request with { Center = ParseCenter(value, ref error) };
                    break;
                case "crop":
                    request = request with { Crop = ParseCrop(value, ref error) };
                    break;
                case "cropmode":
                    if (!value.Equals("percentage", StringComparison.OrdinalIgnoreCase))
                    {
                        error ??= $"cropmode: only 'percentage' (shares from 0 to 1) is supported, got '{value}'.";
                    }
                    break;
                case "format":
                    request = request with { Format = OneOf(value.Equals("jpeg", StringComparison.OrdinalIgnoreCase) ? "jpg" : value, Formats, "format", ref error) };
                    break;
                case "quality":
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var quality) && quality is >= 1 and <= 100)
                    {
                        request = request with { Quality = quality };
                    }
                    else
                    {
                        error ??= $"quality: expected a whole number from 1 to 100, got '{value}'.";
                    }
                    break;
                case "bgcolor":
                    if (IsColor(value))
                    {
                        request = request with { BackgroundColor = value.ToLowerInvariant() };
                    }
                    else
                    {
                        error ??= $"bgcolor: expected a hex colour (fff, ffffff, ffffffff) or a colour name, got '{value}'.";
                    }
                    break;
                default:
                    // v (cache buster), hmac and anything else do not change the image.
                    break;
            }
        }
        return error is null ? request : null;
    }

    private static int? Dimension(string value, string name, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return n;
        }
        error ??= $"{name}: expected a positive whole number of pixels, got '{value}'.";
        return null;
    }

    private static string? OneOf(string value, IReadOnlyList<string> allowed, string name, ref string? error)
    {
        var lower = value.ToLowerInvariant();
        if (allowed.Contains(lower))
        {
            return lower;
        }
        error ??= $"{name}: expected one of {string.Join(", ", allowed)}, got '{value}'.";
        return null;
    }

    private static (double, double)? ParseCenter(string value, ref string? error)
    {
        var parts = value.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && x is >= 0 and <= 1 && y is >= 0 and <= 1)
        {
            return (x, y);
        }
        error ??= $"rxy: expected two numbers from 0 to 1 separated by a comma (0.5,0.3), got '{value}'.";
        return null;
    }

    private static (double, double, double, double)? ParseCrop(string value, ref string? error)
    {
        var parts = value.Split(',');
        var numbers = new double[4];
        if (parts.Length == 4 && Enumerable.Range(0, 4).All(i => double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) && numbers[i] is >= 0 and < 1)
            && numbers[0] + numbers[2] < 0.999 && numbers[1] + numbers[3] < 0.999)
        {
            return (numbers[0], numbers[1], numbers[2], numbers[3]);
        }
        error ??= $"crop: expected x1,y1,x2,y2, the shares (0 to 1) cut from the left, top, right and bottom, leaving some image, got '{value}'.";
        return null;
    }

    private static bool IsColor(string value)
    {
        var hex = value.TrimStart('#');
        if (hex.Length is 3 or 4 or 6 or 8 && hex.All(char.IsAsciiHexDigit))
        {
            return true;
        }
        return value.Length is > 0 and <= 30 && value.All(char.IsAsciiLetter);
    }
}
