using PoleKnowledge.Cms.Persistence.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Publishing;

/// <summary>
/// Runs due scheduled publishes and unpublishes. Ticks on the injected <see cref="TimeProvider"/>, so
/// tests advance a fake clock instead of sleeping. (On PostgreSQL with several nodes, the store's
/// per-schedule transaction deletes the row first, so a schedule runs once even if two nodes tick.)
/// </summary>
public sealed class ScheduledPublishingService(ContentStore store, TimeProvider time, Hosting.HubOptions options, ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SchedulerInterval, time);
        do
        {
            try
            {
                var ran = await store.RunDueSchedulesAsync(stoppingToken);
                if (ran > 0)
                {
                    logger.LogInformation("Scheduled publishing: {Count} actions run.", ran);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Scheduled publishing failed; retrying at the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
    }
}
