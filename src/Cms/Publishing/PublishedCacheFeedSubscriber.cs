using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Publishing;

/// <summary>
/// Feeds the <see cref="PublishedContentCache"/>: at start from the snapshot file (or, without one, from
/// the stored published forms in the database — no rendering), then from the change feed. Writes a new
/// snapshot at shutdown and after enough changes, so starts stay fast and independent of content size
/// beyond reading one file.
/// </summary>
public sealed class PublishedCacheFeedSubscriber : IChangeFeedSubscriber
{
    private const int SnapshotEveryChanges = 500;
    private static readonly TimeSpan SnapshotMinInterval = TimeSpan.FromSeconds(30);
    private readonly PublishedContentCache _cache;
    private readonly HubDbContextFactory _contexts;
    private readonly ContentSchema _schema;
    private readonly ILogger<PublishedCacheFeedSubscriber> _logger;
    private readonly string _snapshotPath;
    private int _changesSinceSnapshot;
    private long _lastSnapshotTicks;
    private long _snapshotPosition = -1;
    private Task _snapshotTask = Task.CompletedTask;

    public PublishedCacheFeedSubscriber(PublishedContentCache cache, HubDbContextFactory contexts, ContentSchemaHolder schema, HubPaths paths, ILogger<PublishedCacheFeedSubscriber> logger)
    {
        _cache = cache;
        _contexts = contexts;
        _schema = schema.Schema;
        _logger = logger;
        _snapshotPath = Path.Combine(paths.CachePath, "published.snapshot");
    }

    private Task<(long Position, List<PublishedContent> Items)?>? _prefetch;

    /// <summary>
    /// Starts reading the snapshot file now, on another core, while the host does the rest of its start
    /// (migrations check, first-run setup, the other subscribers): <see cref="InitializeAsync"/> then awaits it.
    /// </summary>
    public void PrefetchSnapshot() => _prefetch ??= Task.Run(() => PublishedCacheSnapshot.TryRead(_snapshotPath));

    public string Name => "published-cache";
    public int Order => 0;
    public long Position => _cache.Position;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = await (_prefetch ?? Task.Run(() => PublishedCacheSnapshot.TryRead(_snapshotPath), cancellationToken));
        _prefetch = null;
        long head;
        await using (var db = _contexts.CreateDbContext())
        {
            head = await db.ChangeFeed.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        }
        if (snapshot is { } loaded && loaded.Position <= head)
        {
            var read = watch.ElapsedMilliseconds;
            _cache.Load(loaded.Items, loaded.Position);
            _logger.LogInformation("Published cache: snapshot read in {Read} ms, tree and routes built in {Load} ms.", read, watch.ElapsedMilliseconds - read);
            _snapshotPosition = loaded.Position;
            loaded.Items.Clear();
            ScheduleReleaseLoadGarbage();
            _logger.LogInformation("Published cache: {Count} items from the snapshot at sequence {Position} in {Elapsed} ms; {Behind} feed entries to replay.", _cache.Count, loaded.Position, watch.ElapsedMilliseconds, head - loaded.Position);
            return;
        }
        var items = await LoadFromDatabaseAsync(null, cancellationToken);
        _cache.Load(items.Values.OfType<PublishedContent>(), head);
        items.Clear();
        ScheduleReleaseLoadGarbage();
        _logger.LogInformation("Published cache: {Count} items from the database at sequence {Position} in {Elapsed} ms (no usable snapshot).", _cache.Count, head, watch.ElapsedMilliseconds);
        ScheduleSnapshot(force: true);
    }

    /// <summary>
    /// Loading reads the whole published content once (hundreds of MB of transient buffers for 100,000 items):
    /// one compacting collection at start hands that memory back to the OS instead of keeping the heap at its peak.
    /// </summary>
    private void ScheduleReleaseLoadGarbage() =>
        // After the first requests are served, not before: start-up does not wait for the half-second collection.
        _ = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            ReleaseLoadGarbage();
        });

    private void ReleaseLoadGarbage()
    {
        var watch = Stopwatch.StartNew();
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _logger.LogInformation("Published cache: load garbage released in {Elapsed} ms ({Heap} MB managed heap).", watch.ElapsedMilliseconds, GC.GetTotalMemory(false) / 1024 / 1024);
    }

    public async Task ApplyAsync(IReadOnlyList<ChangeFeedEntry> entries, CancellationToken cancellationToken)
    {
        var keys = entries.Select(e => e.NodeKey).Distinct().ToList();
        var changes = new Dictionary<Guid, PublishedContent?>(keys.Count);
        foreach (var chunk in keys.Chunk(500))
        {
            var loaded = await LoadFromDatabaseAsync(chunk, cancellationToken);
            foreach (var key in chunk)
            {
                changes[key] = loaded.GetValueOrDefault(key);
            }
        }
        _cache.Apply(changes, entries[^1].Sequence);
        _changesSinceSnapshot += entries.Count;
        if (_changesSinceSnapshot >= SnapshotEveryChanges && Environment.TickCount64 - _lastSnapshotTicks > SnapshotMinInterval.TotalMilliseconds)
        {
            ScheduleSnapshot(force: false);
        }
    }

    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await _snapshotTask;
        if (_cache.Position != _snapshotPosition && _cache.IsLoaded)
        {
            WriteSnapshot();
        }
    }

    private void ScheduleSnapshot(bool force)
    {
        if (!force && !_snapshotTask.IsCompleted)
        {
            return;
        }
        _changesSinceSnapshot = 0;
        _lastSnapshotTicks = Environment.TickCount64;
        var previous = _snapshotTask;
        _snapshotTask = Task.Run(async () =>
        {
            await previous;
            try
            {
                WriteSnapshot();
            }
            catch (IOException exception)
            {
                _logger.LogWarning(exception, "Could not write the published cache snapshot; the next start will load from the database.");
            }
        });
    }

    private void WriteSnapshot()
    {
        // Take the position before the items: replaying a few entries twice is harmless, missing one is not.
        var position = _cache.Position;
        var items = _cache.All.ToList();
        PublishedCacheSnapshot.Write(_snapshotPath, position, items);
        _snapshotPosition = position;
    }

    /// <summary>Loads the published state of the given items (all when null) from the stored published forms.</summary>
    private async Task<Dictionary<Guid, PublishedContent?>> LoadFromDatabaseAsync(IReadOnlyCollection<Guid>? keys, CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        if (keys is null && !db.IsPostgres)
        {
            return await LoadAllFromSqliteAsync(db, cancellationToken);
        }
        var nodesQuery = db.ContentNodes.AsNoTracking().Where(n => !n.Trashed);
        var publicationsQuery = db.ContentPublications.AsNoTracking();
        if (keys is not null)
        {
            nodesQuery = nodesQuery.Where(n => keys.Contains(n.Key));
            publicationsQuery = publicationsQuery.Where(p => keys.Contains(p.NodeKey));
        }
        var nodes = await nodesQuery.Select(n => new { n.Key, n.ContentType, n.ParentKey, n.SortOrder, n.Level, n.CreateDateUtc }).ToDictionaryAsync(n => n.Key, cancellationToken);
        var cultures = new Dictionary<Guid, Dictionary<string, PublishedCulture>>();
        await foreach (var publication in publicationsQuery.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!nodes.TryGetValue(publication.NodeKey, out var node))
            {
                continue;
            }
            if (!cultures.TryGetValue(publication.NodeKey, out var map))
            {
                cultures[publication.NodeKey] = map = new Dictionary<string, PublishedCulture>(StringComparer.Ordinal);
            }
            map[publication.Culture] = new PublishedCulture
            {
                Culture = string.Intern(publication.Culture),
                Name = publication.Name,
                UrlSegment = publication.UrlSegment,
                PublishDate = publication.PublishDateUtc,
                UpdateDate = publication.UpdateDateUtc,
                Properties = PublishedPropertiesParser.Parse(publication.Properties, _schema.GetDocumentType(node.ContentType)),
            };
        }
        var result = new Dictionary<Guid, PublishedContent?>(cultures.Count);
        foreach (var (key, map) in cultures)
        {
            var node = nodes[key];
            result[key] = new PublishedContent
            {
                Key = key, ContentType = string.Intern(node.ContentType), ParentKey = node.ParentKey, SortOrder = node.SortOrder,
                Level = node.Level, CreateDate = node.CreateDateUtc, Cultures = map,
            };
        }
        return result;
    }

    /// <summary>
    /// The whole published content from SQLite with a plain data reader: properties come as the UTF-8 bytes SQLite
    /// stores (no UTF-16 string per row, no change tracking), which halves the first start without a snapshot.
    /// </summary>
    private async Task<Dictionary<Guid, PublishedContent?>> LoadAllFromSqliteAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var nodes = new Dictionary<Guid, (string ContentType, Guid? ParentKey, int SortOrder, int Level, DateTime CreateDate)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"Key\", \"ContentType\", \"ParentKey\", \"SortOrder\", \"Level\", \"CreateDateUtc\" FROM \"ContentNode\" WHERE NOT \"Trashed\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                nodes[reader.GetGuid(0)] = (string.Intern(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetInt32(3), reader.GetInt32(4), DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc));
            }
        }
        // Rows are decoded on every core: each partition reads its share of the rows on its own connection
        // (SQLite in WAL mode serves concurrent readers).
        var partitions = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var parts = await Task.WhenAll(Enumerable.Range(0, partitions).Select(partition => Task.Run(() => ReadPublications(partition, partitions, nodes), cancellationToken)));
        var cultures = new Dictionary<Guid, Dictionary<string, PublishedCulture>>(nodes.Count);
        foreach (var part in parts)
        {
            foreach (var (key, culture) in part)
            {
                if (!cultures.TryGetValue(key, out var map))
                {
                    cultures[key] = map = new Dictionary<string, PublishedCulture>(StringComparer.Ordinal);
                }
                map[culture.Culture] = culture;
            }
        }
        var result = new Dictionary<Guid, PublishedContent?>(cultures.Count);
        foreach (var (key, map) in cultures)
        {
            var node = nodes[key];
            result[key] = new PublishedContent
            {
                Key = key, ContentType = node.ContentType, ParentKey = node.ParentKey, SortOrder = node.SortOrder,
                Level = node.Level, CreateDate = node.CreateDate, Cultures = map,
            };
        }
        return result;
    }

    private List<(Guid Key, PublishedCulture Culture)> ReadPublications(int partition, int partitions, Dictionary<Guid, (string ContentType, Guid? ParentKey, int SortOrder, int Level, DateTime CreateDate)> nodes)
    {
        var result = new List<(Guid, PublishedCulture)>();
        using var db = _contexts.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"NodeKey\", \"Culture\", \"Name\", \"UrlSegment\", \"PublishDateUtc\", \"UpdateDateUtc\", \"Properties\" FROM \"ContentPublication\" WHERE \"Id\" % $partitions = $partition";
        var partitionsParameter = command.CreateParameter();
        partitionsParameter.ParameterName = "$partitions";
        partitionsParameter.Value = partitions;
        command.Parameters.Add(partitionsParameter);
        var partitionParameter = command.CreateParameter();
        partitionParameter.ParameterName = "$partition";
        partitionParameter.Value = partition;
        command.Parameters.Add(partitionParameter);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.GetGuid(0);
            if (!nodes.TryGetValue(key, out var node))
            {
                continue;
            }
            var culture = string.Intern(reader.GetString(1));
            result.Add((key, new PublishedCulture
            {
                Culture = culture,
                Name = reader.GetString(2),
                UrlSegment = reader.GetString(3),
                PublishDate = DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
                UpdateDate = DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc),
                Properties = PublishedPropertiesParser.Parse(reader.GetFieldValue<byte[]>(6), _schema.GetDocumentType(node.ContentType)),
            }));
        }
        return result;
    }
}
