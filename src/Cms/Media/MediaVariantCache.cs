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
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        var path = Path.Combine(FolderOf(_paths, item.Key), hash + "." + format.Extension);
        var variant = new MediaVariant(path, format.ContentType, "\"" + hash + "\"");
        if (File.Exists(path))
        {
            return variant;
        }
        var flight = _inFlight.GetOrAdd(path, _ => new Lazy<Task<MediaVariant>>(() => Task.Run(() => Render(item, originalFormat, request, focal, variant))));
        try
        {
            // The shared rendering must not stop because the first requester went away; each waiter may.
            return await flight.Value.WaitAsync(cancellationToken);
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
                MediaImageProcessor.Render(_store.GetFilePath(item), originalFormat, request, focal, _options.MaxVariantSide, output);
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
}
