using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Hosting;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// Processed image variants on disk (<c>&lt;DataPath&gt;/cache/media/{key}/{hash}.{ext}</c>), rendered on the
/// first request and served as files afterwards. Concurrent requests for the same variant share one
/// rendering (single flight): a page with twenty visitors arriving together costs one resize.
/// </summary>
public sealed class MediaVariantCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<MediaVariant>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<string>> _workingCopiesInFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MediaVariant> _hot = new(StringComparer.Ordinal);
    private long _hotBytes;

    /// <summary>Variants up to this size are kept in memory once served (thumbnails, cards).</summary>
    public const int MaxHotVariantBytes = 256 * 1024;

    /// <summary>The memory all hot variants may take together; past it, variants are served from disk only.</summary>
    public const long MaxHotBytes = 64L * 1024 * 1024;
    private readonly HubPaths _paths;
    private readonly MediaStore _store;
    private readonly MediaOptions _options;
    private int _renderCount;

    public MediaVariantCache(HubPaths paths, MediaStore store, IOptions<MediaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _paths = paths;
        _store = store;
        _options = options.Value;
    }

    /// <summary>How many variants this process rendered (tests check the single flight and the disk cache).</summary>
    public int RenderCount => Volatile.Read(ref _renderCount);

    public static string FolderOf(HubPaths paths, Guid key)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(paths.CachePath, "media", key.ToString("N"));
    }

    /// <summary>The variant of an image for the request, rendering it when it is not on disk yet.</summary>
    public async Task<MediaVariant> GetAsync(MediaItem item, ImageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(request);
        var originalFormat = item.Format ?? throw new InvalidOperationException($"Media {item.Key} has no image format.");
        var format = request.Format is { } f ? MediaFormat.FromExtension(f)! : originalFormat;
        (double, double)? focal = item.FocalLeft is { } left && item.FocalTop is { } top ? ((double)left, (double)top) : null;
        // The focal point changes crops, so it is part of the name: moving it gives new variants, not stale ones.
        var identity = $"{item.Key:N}|{item.FilePath}|{request.CanonicalKey}|{focal}";
        if (_hot.TryGetValue(identity, out var hot))
        {
            return hot;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        var path = Path.Combine(FolderOf(_paths, item.Key), hash + "." + format.Extension);
        var variant = new MediaVariant(path, format.ContentType, "\"" + hash + "\"");
        if (File.Exists(path))
        {
            return KeepHot(identity, variant);
        }
        var flight = _inFlight.GetOrAdd(path, _ => new Lazy<Task<MediaVariant>>(() => Task.Run(() => Render(item, originalFormat, request, focal, variant))));
        try
        {
            // The shared rendering must not stop because the first requester went away; each waiter may.
            return KeepHot(identity, await flight.Value.WaitAsync(cancellationToken));
        }
        finally
        {
            if (flight.Value.IsCompleted)
            {
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<MediaVariant>>>(path, flight));
            }
        }
    }

    private MediaVariant Render(MediaItem item, MediaFormat originalFormat, ImageRequest request, (double, double)? focal, MediaVariant variant)
    {
        if (File.Exists(variant.FilePath))
        {
            return variant;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(variant.FilePath)!);
        var temporary = variant.FilePath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var output = File.Create(temporary))
            {
                var source = _store.GetFilePath(item);
                if (originalFormat == MediaFormat.Jpeg && WorkingCopyDivisor(item, request, _options.MaxVariantSide) is { } divisor)
                {
                    source = EnsureWorkingCopy(item, source, divisor);
                }
                MediaImageProcessor.Render(source, originalFormat, request, focal, _options.MaxVariantSide, output);
            }
            File.Move(temporary, variant.FilePath, overwrite: true);
            Interlocked.Increment(ref _renderCount);
            return variant;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Keeps a small variant's bytes in memory while the budget allows (the identity names the original file and focal point, so it never goes stale).</summary>
    private MediaVariant KeepHot(string identity, MediaVariant variant)
    {
        try
        {
            var length = new FileInfo(variant.FilePath).Length;
            if (length > MaxHotVariantBytes || Interlocked.Read(ref _hotBytes) + length > MaxHotBytes)
            {
                return variant;
            }
            var hot = variant with { Content = File.ReadAllBytes(variant.FilePath) };
            if (_hot.TryAdd(identity, hot))
            {
                Interlocked.Add(ref _hotBytes, hot.Content.Length);
            }
            return hot;
        }
        catch (IOException)
        {
            // Removed meanwhile (cache cleared): served from disk, which renders it again next time.
            return variant;
        }
    }

    /// <summary>
    /// How much smaller a working copy of the original may be and still give this variant full quality (2 or 4),
    /// or null for the original. Decoding dominates the cost of a small variant of a large photo (a 6-megapixel
    /// JPEG is 24 MB of pixels), so small variants are resized from a copy at a half or a quarter of the size,
    /// kept at least twice the variant's size (the ratio uses the original's shorter side, so a rotated photo
    /// never gets too small a copy).
    /// </summary>
    internal static int? WorkingCopyDivisor(MediaItem item, ImageRequest request, int maxSide)
    {
        // A crop keeps only part of the image: a reduced copy could leave too few pixels in it.
        if (item.Width is not { } width || item.Height is not { } height || (request.Width is null && request.Height is null) || request.Crop is not null)
        {
            return null;
        }
        var wanted = Math.Min(Math.Max(request.Width ?? 0, request.Height ?? 0), maxSide);
        var ratio = (double)wanted / Math.Min(width, height);
        return ratio * 2 <= 0.25 ? 4 : ratio * 2 <= 0.5 ? 2 : null;
    }

    /// <summary>The working copy of the original at 1/<paramref name="divisor"/>, made once (single flight) and kept beside the variants.</summary>
    private string EnsureWorkingCopy(MediaItem item, string originalPath, int divisor)
    {
        // Named after the stored file too: replacing the original gives new working copies.
        var fileHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.FilePath ?? "")))[..16];
        var path = Path.Combine(FolderOf(_paths, item.Key), $"working-{fileHash}-{divisor}.jpg");
        if (File.Exists(path))
        {
            return path;
        }
        var flight = _workingCopiesInFlight.GetOrAdd(path, _ => new Lazy<string>(() =>
        {
            if (!File.Exists(path))
            {
                var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                try
                {
                    using (var output = File.Create(temporary))
                    {
                        MediaImageProcessor.WriteWorkingCopy(originalPath, divisor, output);
                    }
                    File.Move(temporary, path, overwrite: true);
                }
                finally
                {
                    if (File.Exists(temporary))
                    {
                        File.Delete(temporary);
                    }
                }
            }
            return path;
        }));
        try
        {
            return flight.Value;
        }
        finally
        {
            _workingCopiesInFlight.TryRemove(new KeyValuePair<string, Lazy<string>>(path, flight));
        }
    }
}
