using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// Output caching of Delivery API content responses (Umbraco's <c>DeliveryApiContent</c> policy), with the
/// lessons of its advisories built in: never for preview, never when access needs a key (GHSA-75vq-qvhr-7ffr:
/// a cached key-protected response must not reach a caller without the key), varied by
/// <c>Accept-Language</c>, <c>Start-Item</c>, whether an <c>Api-Key</c> was sent, and the whole query string.
/// Entries carry the tag <see cref="Tag"/>, evicted by <see cref="DeliveryCacheEviction"/> whenever the
/// published cache applies a batch.
/// </summary>
internal sealed class DeliveryOutputCachePolicy(DeliveryOptions options, PublishedContentCache cache) : IOutputCachePolicy
{
    public const string ContentPolicyName = "DeliveryApiContent";
    public const string Tag = "delivery-content";

    private static readonly object PositionKey = new();

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var duration = options.OutputCache.ContentDuration;
        var cacheable = options.Enabled && options.IsPublic && options.OutputCache.Enabled && duration > TimeSpan.Zero
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !string.Equals(request.Headers["Preview"].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = new StringValues(["Accept-Language", "Start-Item"]);
        context.CacheVaryByRules.VaryByValues["api-key"] = request.Headers.ContainsKey("Api-Key") ? "sent" : "none";
        context.Tags.Add(Tag);
        // A response rendered while a batch was being applied must not be stored after that batch's eviction.
        context.HttpContext.Items[PositionKey] = cache.Position;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || !http.Items.TryGetValue(PositionKey, out var position) || position is not long before || before != cache.Position)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
