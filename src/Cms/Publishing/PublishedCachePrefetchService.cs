using Microsoft.Extensions.Hosting;

namespace PoleKnowledge.Cms.Publishing;

/// <summary>Registered first among hosted services: starts reading the cache snapshot before anything else starts.</summary>
internal sealed class PublishedCachePrefetchService(PublishedCacheFeedSubscriber subscriber) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscriber.PrefetchSnapshot();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
