using Microsoft.AspNetCore.OutputCaching;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// Drops cached Delivery API output whenever the published cache applies a batch (its <c>Changed</c> event):
/// the serialised items and every output-cache entry tagged <see cref="DeliveryOutputCachePolicy.Tag"/>.
/// Coarse on purpose (any change can alter the routes and names pickers show in other items); per-item tags
/// as in Umbraco 17.4 are a later refinement. Runs on the feed consumer thread, before the consumer reports
/// the position as caught up, so a reader that waited for a write never gets the old output.
/// </summary>
internal sealed class DeliveryCacheEviction(PublishedContentCache cache, DeliveryItemResponseCache responses, IOutputCacheStore store, ILogger<DeliveryCacheEviction> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cache.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cache.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(object? sender, PublishedContentChangedEventArgs e)
    {
        responses.Clear();
        var eviction = store.EvictByTagAsync(DeliveryOutputCachePolicy.Tag, CancellationToken.None);
        if (!eviction.IsCompletedSuccessfully)
        {
            // The in-memory store completes synchronously; a distributed store may not: observe its failure.
            _ = ObserveAsync(eviction);
        }
    }

    private async Task ObserveAsync(ValueTask eviction)
    {
        try
        {
            await eviction;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Evicting the Delivery API output cache failed; entries expire after DeliveryApi:OutputCache:ContentDuration.");
        }
    }
}
