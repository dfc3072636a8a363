using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PoleKnowledge.Cms.ChangeFeed;

/// <summary>
/// The hosted loop that feeds every <see cref="IChangeFeedSubscriber"/>: initialise them (snapshots,
/// indexes), then read the feed after the lowest position, in batches, and hand each subscriber the
/// entries it has not applied. Wakes on <see cref="ChangeFeedSignal"/> or every poll interval.
/// </summary>
public sealed class ChangeFeedConsumer : BackgroundService
{
    private const int BatchSize = 2000;
    private readonly IReadOnlyList<IChangeFeedSubscriber> _subscribers;
    private readonly ChangeFeedReader _reader;
    private readonly ChangeFeedSignal _signal;
    private readonly Hosting.HubOptions _options;
    private readonly ILogger<ChangeFeedConsumer> _logger;
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _head;

    public ChangeFeedConsumer(IEnumerable<IChangeFeedSubscriber> subscribers, ChangeFeedReader reader, ChangeFeedSignal signal, Hosting.HubOptions options, ILogger<ChangeFeedConsumer> logger)
    {
        _subscribers = [.. subscribers.OrderBy(s => s.Order)];
        _reader = reader;
        _signal = signal;
        _options = options;
        _logger = logger;
    }

    /// <summary>Completes when every subscriber has loaded its state.</summary>
    public Task Initialized => _initialized.Task;

    /// <summary>Subscribers initialise before the host serves requests, so the first page is never empty.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var subscriber in _subscribers)
            {
                await subscriber.InitializeAsync(cancellationToken);
            }
            _initialized.TrySetResult();
        }
        catch (Exception exception)
        {
            _initialized.TrySetException(exception);
            throw;
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var applied = await PollOnceAsync(stoppingToken);
                if (applied == BatchSize)
                {
                    continue;
                }
                await _signal.WaitAsync(_options.FeedPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // A failing batch is retried at the next poll; positions did not move.
                _logger.LogError(exception, "Applying the change feed failed; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Reads and applies one batch; returns the number of entries read.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        if (_subscribers.Count == 0)
        {
            return 0;
        }
        var from = _subscribers.Min(s => s.Position);
        var entries = await _reader.ReadAfterAsync(from, BatchSize, cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }
        foreach (var subscriber in _subscribers)
        {
            var position = subscriber.Position;
            var pending = position <= from ? entries : entries.Where(e => e.Sequence > position).ToList();
            if (pending.Count > 0)
            {
                await subscriber.ApplyAsync(pending, cancellationToken);
            }
        }
        Interlocked.Exchange(ref _head, entries[^1].Sequence);
        return entries.Count;
    }

    /// <summary>Waits until every subscriber has applied the feed as it stands now (tests, CLI hand-offs).</summary>
    public async Task WaitUntilCaughtUpAsync(CancellationToken cancellationToken)
    {
        await Initialized.WaitAsync(cancellationToken);
        var head = await _reader.GetHeadAsync(cancellationToken);
        while (_subscribers.Any(s => s.Position < head))
        {
            _signal.Notify();
            await Task.Delay(10, cancellationToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var subscriber in _subscribers)
        {
            try
            {
                await subscriber.CheckpointAsync(cancellationToken);
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "Checkpoint of {Subscriber} failed at shutdown; it will catch up from the feed at start.", subscriber.Name);
            }
        }
    }
}
