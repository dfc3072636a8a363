using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// Feeds the <see cref="PublishedMediaCache"/>: every media row at start (rows are small and media are
/// far fewer than content, so no snapshot), then the media entries of the change feed. Runs after the
/// content cache (order 1).
/// </summary>
public sealed class PublishedMediaFeedSubscriber(PublishedMediaCache cache, HubDbContextFactory contexts, ILogger<PublishedMediaFeedSubscriber> logger) : IChangeFeedSubscriber
{
    public string Name => "published-media";
    public int Order => 1;
    public long Position => cache.Position;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var db = contexts.CreateDbContext();
        // The head is read before the rows: an entry committed in between is applied again, never missed.
        var head = await db.ChangeFeed.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var rows = await WithoutText(db.MediaNodes).ToListAsync(cancellationToken);
        cache.Load(rows.Select(ToItem), head);
        logger.LogInformation("Media cache: {Count} items from the database at sequence {Position} in {Elapsed} ms.", cache.Count, head, watch.ElapsedMilliseconds);
    }

    public async Task ApplyAsync(IReadOnlyList<ChangeFeedEntry> entries, CancellationToken cancellationToken)
    {
        var keys = entries.Where(e => MediaChangeKind.IsMedia(e.Kind)).Select(e => e.NodeKey).Distinct().ToList();
        if (keys.Count == 0)
        {
            cache.AdvanceTo(entries[^1].Sequence);
            return;
        }
        var changes = new Dictionary<Guid, MediaItem?>(keys.Count);
        await using var db = contexts.CreateDbContext();
        foreach (var chunk in keys.Chunk(500))
        {
            var rows = await WithoutText(db.MediaNodes.Where(m => chunk.Contains(m.Key))).ToDictionaryAsync(m => m.Key, cancellationToken);
            foreach (var key in chunk)
            {
                changes[key] = rows.TryGetValue(key, out var row) ? ToItem(row) : null;
            }
        }
        cache.Apply(changes, entries[^1].Sequence);
    }

    public Task CheckpointAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Rows without their extracted text (which can be a megabyte): the cache only needs to know there is one.</summary>
    private static IQueryable<MediaNodeEntity> WithoutText(IQueryable<MediaNodeEntity> query) => query.AsNoTracking().Select(m => new MediaNodeEntity
    {
        Key = m.Key, ParentKey = m.ParentKey, Name = m.Name, MediaType = m.MediaType, Path = m.Path, Level = m.Level, SortOrder = m.SortOrder,
        FilePath = m.FilePath, Bytes = m.Bytes, Width = m.Width, Height = m.Height, Extension = m.Extension, FocalLeft = m.FocalLeft,
        FocalTop = m.FocalTop, Crops = m.Crops, Properties = m.Properties, Text = m.Text != null ? "" : null,
        CreateDateUtc = m.CreateDateUtc, UpdateDateUtc = m.UpdateDateUtc, Revision = m.Revision,
    });

    internal static MediaItem ToItem(MediaNodeEntity row) => new()
    {
        Key = row.Key,
        ParentKey = row.ParentKey,
        Name = row.Name,
        MediaType = string.Intern(row.MediaType),
        SortOrder = row.SortOrder,
        Level = row.Level,
        FilePath = row.FilePath,
        Bytes = row.Bytes,
        Width = row.Width,
        Height = row.Height,
        Extension = row.Extension,
        FocalLeft = row.FocalLeft,
        FocalTop = row.FocalTop,
        Crops = row.Crops,
        Properties = row.Properties,
        HasText = row.Text is not null,
        CreateDate = row.CreateDateUtc,
        UpdateDate = row.UpdateDateUtc,
        Revision = row.Revision,
    };
}
