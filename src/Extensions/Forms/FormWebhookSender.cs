using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Delivers form webhooks in the background, so a slow or failing receiver never delays the visitor's answer.
/// A failed call (no answer, a timeout, a 408, 429 or 5xx) is tried again after each of
/// <see cref="FormsOptions.WebhookRetryDelays"/> on the injected clock; every failure is logged as a warning, and
/// giving up as an error naming the form, the entry and the URL. A 4xx other than 408/429 is not retried: the
/// receiver refused the body, and it would refuse it again. The queue is in memory: calls still waiting when
/// the node stops are logged as lost, the entry itself is stored.
/// </summary>
public sealed class FormWebhookSender(IHttpClientFactory http, FormsOptions options, TimeProvider time, ILogger<FormWebhookSender> logger) : BackgroundService
{
    private readonly Channel<FormWebhookDelivery> _queue = Channel.CreateBounded<FormWebhookDelivery>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _concurrency = new(4);
    private int _pending;

    private int _waitingForRetry;

    /// <summary>Calls queued or waiting for a retry (tests wait on it; operators see it in the logs when the node stops).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Calls whose retry timer is set (counted once the timer exists, so a test can move the clock past it).</summary>
    public int WaitingForRetry => Volatile.Read(ref _waitingForRetry);

    public void Enqueue(FormWebhookDelivery delivery)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(delivery))
        {
            Interlocked.Decrement(ref _pending);
            logger.LogError("Form {Form}: webhook queue full; the call to {Url} for entry {Entry} is dropped.", delivery.FormAlias, delivery.Url, delivery.EntryId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await _concurrency.WaitAsync(stoppingToken);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await DeliverAsync(delivery, stoppingToken);
                    }
                    finally
                    {
                        _concurrency.Release();
                    }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (Pending > 0)
            {
                logger.LogWarning("Stopping with {Count} form webhook calls not delivered.", Pending);
            }
        }
    }

    private async Task DeliverAsync(FormWebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var attempt = delivery;
        try
        {
            while (true)
            {
                attempt = attempt with { Attempts = attempt.Attempts + 1 };
                var (delivered, retryable, reason) = await SendAsync(attempt, stoppingToken);
                if (delivered)
                {
                    if (attempt.Attempts > 1)
                    {
                        logger.LogInformation("Form {Form}: webhook {Url} delivered for entry {Entry} at attempt {Attempt}.", attempt.FormAlias, attempt.Url, attempt.EntryId, attempt.Attempts);
                    }
                    return;
                }
                var delays = options.EffectiveWebhookRetryDelays;
                if (!retryable || attempt.Attempts > delays.Length)
                {
                    logger.LogError("Form {Form}: webhook {Url} failed for entry {Entry} after {Attempts} attempt(s), given up: {Reason}.", attempt.FormAlias, attempt.Url, attempt.EntryId, attempt.Attempts, reason);
                    return;
                }
                var delay = delays[attempt.Attempts - 1];
                logger.LogWarning("Form {Form}: webhook {Url} failed for entry {Entry} (attempt {Attempt}: {Reason}); next try in {Delay}.", attempt.FormAlias, attempt.Url, attempt.EntryId, attempt.Attempts, reason, delay);
                var wait = Task.Delay(delay, time, stoppingToken);
                Interlocked.Increment(ref _waitingForRetry);
                try
                {
                    await wait;
                }
                finally
                {
                    Interlocked.Decrement(ref _waitingForRetry);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Form {Form}: webhook {Url} for entry {Entry} not delivered before shutdown.", attempt.FormAlias, attempt.Url, attempt.EntryId);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task<(bool Delivered, bool Retryable, string Reason)> SendAsync(FormWebhookDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            using var client = http.CreateClient(FormWorkflowRunner.HttpClientName);
            using var content = new ByteArrayContent(delivery.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await client.PostAsync(delivery.Url, content, stoppingToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? (true, false, "")
                : (false, status is 408 or 429 or >= 500, $"HTTP {status}");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException || (exception is TaskCanceledException && !stoppingToken.IsCancellationRequested))
        {
            return (false, true, exception.GetType().Name + ": " + exception.Message);
        }
    }

    public override void Dispose()
    {
        _concurrency.Dispose();
        base.Dispose();
    }
}
