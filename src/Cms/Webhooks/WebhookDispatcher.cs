using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Persistence;

namespace PoleKnowledge.Cms.Webhooks;

/// <summary>
/// Sends due deliveries, records each attempt and schedules retries with exponential backoff
/// (<see cref="WebhookOptions.DelayBeforeRetry"/>), all in the database, so a restart resumes the queue. An
/// attempt first claims its row (a conditional update on the attempt count, leasing it past the timeout), so two
/// nodes never send the same attempt. Also deletes log rows older than <see cref="WebhookOptions.LogRetention"/>.
/// </summary>
public sealed class WebhookDispatcher(HubDbContextFactory contexts, WebhookSender sender, WebhookSignal signal, WebhookOptions options, TimeProvider time, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int Batch = 20;
    private DateTime _lastPurge = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DeliverDueAsync(stoppingToken);
                await PurgeAsync(stoppingToken);
                if (sent == Batch)
                {
                    continue;
                }
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Webhook delivery loop failed; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Sends the deliveries due now (up to a batch, four at a time); returns how many were taken.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = contexts.CreateDbContext())
        {
            due = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptUtc <= now)
                .OrderBy(d => d.NextAttemptUtc).Select(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
        }
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (id, ct) => await DeliverAsync(id, force: false, ct));
        return due.Count;
    }

    /// <summary>
    /// Makes one attempt of a pending delivery and records it. <paramref name="force"/> sends it even if not due
    /// (the back office's test ping and retry). Returns the delivery as recorded, or null when unknown or claimed elsewhere.
    /// </summary>
    public async Task<WebhookDelivery?> DeliverAsync(long id, bool force, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null || row.Status != WebhookDeliveryStatus.Pending || (!force && row.NextAttemptUtc > now))
        {
            return row is null ? null : WebhookStore.ToDelivery(row);
        }
        var attempts = row.Attempts;
        var lease = now + options.Timeout + TimeSpan.FromSeconds(30);
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && d.Attempts == attempts)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, attempts + 1).SetProperty(d => d.NextAttemptUtc, lease).SetProperty(d => d.LastAttemptUtc, now), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }
        var hook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Key == row.WebhookKey, cancellationToken);
        WebhookAttempt attempt;
        if (hook is null || (!hook.Enabled && row.Event != WebhookEvents.Ping))
        {
            attempt = new WebhookAttempt(null, 0, "Non envoyé : webhook désactivé ou supprimé.");
        }
        else
        {
            attempt = await sender.SendAsync(hook.Url, hook.Secret, row.Event, row.Id, attempts, row.Payload, cancellationToken);
        }
        var giveUp = !attempt.Succeeded && (hook is null || !hook.Enabled && row.Event != WebhookEvents.Ping || row.Event == WebhookEvents.Ping || attempts + 1 >= options.MaxAttempts);
        var status = attempt.Succeeded ? WebhookDeliveryStatus.Succeeded : giveUp ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        DateTime? next = status == WebhookDeliveryStatus.Pending ? time.GetUtcNow().UtcDateTime + options.DelayBeforeRetry(attempts + 1) : null;
        await db.WebhookDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status).SetProperty(d => d.NextAttemptUtc, next).SetProperty(d => d.StatusCode, attempt.StatusCode)
            .SetProperty(d => d.DurationMs, attempt.DurationMs).SetProperty(d => d.Response, attempt.Response), cancellationToken);
        if (!attempt.Succeeded)
        {
            logger.LogInformation("Webhook delivery {Id} ({Event}) attempt {Attempt} failed with {Status}; {Outcome}.", id, row.Event, attempts + 1, attempt.StatusCode, status);
        }
        var saved = await db.WebhookDeliveries.AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken);
        return WebhookStore.ToDelivery(saved);
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now - _lastPurge < TimeSpan.FromHours(1))
        {
            return;
        }
        _lastPurge = now;
        var before = now - options.LogRetention;
        await using var db = contexts.CreateDbContext();
        var deleted = await db.WebhookDeliveries.Where(d => d.CreateDateUtc < before && d.Status != WebhookDeliveryStatus.Pending).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Webhook log: {Count} deliveries older than {Days} days deleted.", deleted, options.LogRetention.TotalDays);
        }
    }
}
