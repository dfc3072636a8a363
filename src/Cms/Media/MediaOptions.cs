namespace PoleKnowledge.Cms.Media;

/// <summary>
/// The media library's limits and image URL policy (configuration section <c>PoleKnowledge:Media</c>).
/// </summary>
public sealed class MediaOptions
{
    public const string Section = "PoleKnowledge:Media";

    /// <summary>The image URLs any visitor may ask for without a signature: the responsive widths front ends use.</summary>
    public static readonly IReadOnlyList<string> DefaultPresets = ["width=320", "width=640", "width=960", "width=1280", "width=1920"];

    /// <summary>Largest uploaded file, in bytes (default 25 MB); larger uploads are a 413.</summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Largest image, in millions of pixels, read from the header before anything is decoded (default 40).</summary>
    public double MaxMegapixels { get; set; } = 40;

    /// <summary>
    /// Image query strings served without <c>hmac</c> (e.g. <c>width=640</c>, <c>width=600&amp;height=400&amp;rmode=crop</c>;
    /// parameter order and <c>v</c> do not matter). Empty: <see cref="DefaultPresets"/>. A list, not defaults in the
    /// property, because configuration binding appends to a list that already has items.
    /// </summary>
    public List<string> Presets { get; set; } = [];

    /// <summary>
    /// Key of the HMAC-SHA256 that signs other image URLs. Empty: a random key is generated once into
    /// <c>&lt;DataPath&gt;/keys/media-hmac.key</c>; set it explicitly when several nodes serve images.
    /// </summary>
    public string? HmacKey { get; set; }

    /// <summary>The largest width or height a variant may have, whatever the signed URL asks.</summary>
    public int MaxVariantSide { get; set; } = 5000;

    public IReadOnlyList<string> EffectivePresets => Presets.Count > 0 ? Presets : DefaultPresets;

    /// <summary>
    /// The crops of every image (<c>PoleKnowledge:Media:Crops</c>: alias, width, height), edited per image in the
    /// back office and delivered in the media's <c>crops</c>; without coordinates a crop centres on the focal point.
    /// </summary>
    public List<ImageCropDefinition> Crops { get; set; } = [];

    private IReadOnlySet<string>? _presetKeys;

    /// <summary>The canonical keys of <see cref="EffectivePresets"/>, parsed once (options are bound at start-up).</summary>
    public IReadOnlySet<string> PresetKeys => _presetKeys ??= EffectivePresets.Select(p => ImageRequest.Parse(p, out _)?.CanonicalKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
