using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// Feeds the <see cref="ContentIndex"/> from the change feed, after the published cache (Order 0) it reads
/// items from. At start: opens the index and lets the consumer replay the feed from the position stored in
/// the index; rebuilds it when missing, damaged, written with other fields or analysis (an analyser's
/// signature changed: the old generation serves meanwhile), or too far behind (replaying
/// more than <see cref="ReplayLimit"/> entries costs more than reading the cache once).
/// </summary>
public sealed class ContentIndexFeedSubscriber : IChangeFeedSubscriber
{
    /// <summary>Beyond this many feed entries behind the head, a rebuild is cheaper than a replay.</summary>
    public const long ReplayLimit = 50_000;

    private const int ReplayBatch = 2000;
    private readonly ContentIndex _index;
    private readonly ChangeFeedReader _reader;
    private readonly ILogger<ContentIndexFeedSubscriber> _logger;

    public ContentIndexFeedSubscriber(ContentIndex index, ChangeFeedReader reader, ILogger<ContentIndexFeedSubscriber> logger)
    {
        _index = index;
        _reader = reader;
        _logger = logger;
    }

    public string Name => "content-index";
    public int Order => 10;
    public long Position => _index.Position;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var status = _index.Open();
        var head = await _reader.GetHeadAsync(cancellationToken);
        if (status == ContentIndexOpenStatus.Opened && _index.Position <= head && head - _index.Position <= ReplayLimit)
        {
            _logger.LogInformation("Content index {Generation} opened at sequence {Position}; {Behind} feed entries to replay.", _index.CurrentGeneration, _index.Position, head - _index.Position);
            return;
        }
        // Built in the background: start-up never waits for it (100,000 items take tens of seconds). Until the
        // first build swaps in, queries answer 503; with an old generation open, they keep using it.
        _logger.LogInformation("Content index {Status} (position {Position}, feed head {Head}): rebuilding from the published cache in the background.", status, _index.Position, head);
        _startupRebuild = Task.Run(async () =>
        {
            try
            {
                await _index.RebuildAsync(null, CancellationToken.None);
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                _logger.LogError(exception, "Building the content index failed; queries stay unavailable until `reindex` succeeds.");
            }
        }, CancellationToken.None);
    }

    /// <summary>Completes when the rebuild started at start-up (if any) has swapped in.</summary>
    public Task StartupRebuild => _startupRebuild;

    private Task _startupRebuild = Task.CompletedTask;

    public async Task ApplyAsync(IReadOnlyList<ChangeFeedEntry> entries, CancellationToken cancellationToken)
    {
        if (_index.SwitchIfReplaced())
        {
            // The CLI rebuilt the index from an older cache: replay what it missed before this batch.
            _logger.LogInformation("Content index switched to generation {Generation} at sequence {Position}.", _index.CurrentGeneration, _index.Position);
            await ReplayGapAsync(entries[0].Sequence, cancellationToken);
        }
        var pending = _index.Position <= entries[0].Sequence ? entries : [.. entries.Where(e => e.Sequence > _index.Position)];
        if (pending.Count > 0)
        {
            _index.Apply(ToChanges(pending), pending[^1].Sequence);
        }
    }

    /// <summary>Every batch is committed; at shutdown, let a running first build finish or stop cleanly.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken) => await _startupRebuild.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>Rebuilds the index beside the live one and swaps it in (the CLI <c>reindex</c> verb). Reports items indexed.</summary>
    public Task RebuildAsync(IProgress<int>? progress, CancellationToken cancellationToken = default) => _index.RebuildAsync(progress, cancellationToken);

    private async Task ReplayGapAsync(long before, CancellationToken cancellationToken)
    {
        while (_index.Position < before - 1)
        {
            var entries = (await _reader.ReadAfterAsync(_index.Position, ReplayBatch, cancellationToken)).Where(e => e.Sequence < before).ToList();
            if (entries.Count == 0)
            {
                return;
            }
            _index.Apply(ToChanges(entries), entries[^1].Sequence);
        }
    }

    /// <summary>
    /// Each changed key once; its descendants too unless it was only saved (a draft save changes nothing
    /// published). A media entry re-indexes the items whose documents hold that medium's text (the media cache,
    /// Order 1, already has its new state).
    /// </summary>
    private Dictionary<Guid, bool> ToChanges(IEnumerable<ChangeFeedEntry> entries)
    {
        var changes = new Dictionary<Guid, bool>();
        HashSet<Guid>? media = null;
        foreach (var entry in entries)
        {
            if (MediaChangeKind.IsMedia(entry.Kind))
            {
                (media ??= []).Add(entry.NodeKey);
                continue;
            }
            changes[entry.NodeKey] = changes.GetValueOrDefault(entry.NodeKey) || entry.Kind != ChangeKind.Saved;
        }
        if (media is not null)
        {
            foreach (var item in _index.ItemsUsingMedia(media))
            {
                changes.TryAdd(item, false);
            }
        }
        return changes;
    }
}
