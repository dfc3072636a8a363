using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// Loads the back office's Delivery API settings before the host serves (registered after the database is
/// migrated), then reloads them every <see cref="DeliveryAccessStore.RefreshInterval"/> so a key rotated on another
/// node applies here too. Requests never read the database for it. The interval is wall-clock time, not the hub's
/// business clock: a test clock moved months ahead would otherwise fire one reload per 30 s it skips.
/// </summary>
public sealed class DeliveryAccessRefresher(DeliveryAccessStore store, ILogger<DeliveryAccessRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(DeliveryAccessStore.RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await store.LoadAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Reloading the Delivery API access settings failed; keeping the previous ones.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
