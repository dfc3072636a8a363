using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Webhooks;

/// <summary>
/// Turns change-feed entries into webhook deliveries, after the published caches (it reads them to write the
/// payload as the Delivery API shows the item). Its position is a database checkpoint moved by a conditional update
/// in the same transaction as the queued deliveries, so each event is queued once even with several nodes, and
/// a restart resumes where it stopped. A fresh hub starts at the feed's head: history raises no events.
/// </summary>
public sealed class WebhookFeedSubscriber(
    HubDbContextFactory contexts, WebhookStore store, WebhookSignal signal, PublishedContentCache content, PublishedMediaCache media,
    ContentSchemaHolder schema, TimeProvider time, ILogger<WebhookFeedSubscriber> logger) : IChangeFeedSubscriber
{
    public const string CheckpointName = "webhooks";
    private long _position;

    public string Name => "webhooks";
    public int Order => 20;
    public long Position => Interlocked.Read(ref _position);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var checkpoint = await db.ConsumerCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Name == CheckpointName, cancellationToken);
        if (checkpoint is not null)
        {
            Interlocked.Exchange(ref _position, checkpoint.Sequence);
            return;
        }
        var head = await db.ChangeFeed.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        db.ConsumerCheckpoints.Add(new ConsumerCheckpointEntity { Name = CheckpointName, Sequence = head, UpdateDateUtc = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node created it first: start from its position.
            await using var again = contexts.CreateDbContext();
            head = (await again.ConsumerCheckpoints.AsNoTracking().FirstAsync(c => c.Name == CheckpointName, cancellationToken)).Sequence;
        }
        Interlocked.Exchange(ref _position, head);
    }

    public async Task ApplyAsync(IReadOnlyList<ChangeFeedEntry> entries, CancellationToken cancellationToken)
    {
        var from = Position;
        var last = entries[^1].Sequence;
        var events = entries.Where(e => e.Sequence > from).Select(e => (Entry: e, Alias: WebhookEvents.FromChangeKind(e.Kind))).Where(e => e.Alias is not null).ToList();
        var hooks = events.Count == 0 ? [] : await store.ListEnabledAsync(cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var moved = await db.ConsumerCheckpoints.Where(c => c.Name == CheckpointName && c.Sequence == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Sequence, last).SetProperty(c => c.UpdateDateUtc, now), cancellationToken);
        if (moved == 0)
        {
            // Another node applied these entries (or the checkpoint is gone): take its position, queue nothing.
            await transaction.RollbackAsync(cancellationToken);
            var current = await db.ConsumerCheckpoints.AsNoTracking().Where(c => c.Name == CheckpointName).Select(c => (long?)c.Sequence).FirstOrDefaultAsync(cancellationToken);
            Interlocked.Exchange(ref _position, current ?? last);
            return;
        }
        var queued = 0;
        if (hooks.Count > 0)
        {
            var facts = await LoadContentFactsAsync(db, events.Where(e => !WebhookEvents.IsMedia(e.Alias!)).Select(e => e.Entry.NodeKey), cancellationToken);
            foreach (var (entry, alias) in events)
            {
                var (type, payload) = Describe(entry, alias!, facts);
                foreach (var hook in hooks.Where(h => h.Matches(alias!, type)))
                {
                    db.WebhookDeliveries.Add(new WebhookDeliveryEntity
                    {
                        WebhookKey = hook.Key, Event = alias!, NodeKey = entry.NodeKey, Payload = payload ??= BuildPayload(entry, alias!, facts),
                        Status = WebhookDeliveryStatus.Pending, NextAttemptUtc = now, CreateDateUtc = now,
                    });
                    queued++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        Interlocked.Exchange(ref _position, last);
        if (queued > 0)
        {
            logger.LogDebug("Webhooks: {Count} deliveries queued up to sequence {Sequence}.", queued, last);
            signal.Notify();
        }
    }

    public Task CheckpointAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private readonly record struct ContentFacts(string ContentType, string? Name, bool Trashed);

    /// <summary>Type and name of content items from the database (a trashed item is no longer in the published cache).</summary>
    private async Task<Dictionary<Guid, ContentFacts>> LoadContentFactsAsync(HubDbContext db, IEnumerable<Guid> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, ContentFacts>();
        var defaultCulture = schema.Schema.DefaultCulture;
        foreach (var chunk in keys.Distinct().Chunk(500))
        {
            var nodes = await db.ContentNodes.AsNoTracking().Where(n => chunk.Contains(n.Key)).Select(n => new { n.Key, n.ContentType, n.Trashed }).ToListAsync(cancellationToken);
            var names = await db.ContentCultures.AsNoTracking().Where(c => chunk.Contains(c.NodeKey)).Select(c => new { c.NodeKey, c.Culture, c.Name }).ToListAsync(cancellationToken);
            foreach (var node in nodes)
            {
                var name = names.Where(n => n.NodeKey == node.Key).OrderBy(n => n.Culture == defaultCulture || n.Culture.Length == 0 ? 0 : 1).Select(n => n.Name).FirstOrDefault();
                result[node.Key] = new ContentFacts(node.ContentType, name, node.Trashed);
            }
        }
        return result;
    }

    /// <summary>The item's type (for the hook's type filter; null when the item is gone) — the payload is built only if a hook wants it.</summary>
    private (string? Type, string? Payload) Describe(ChangeFeedEntry entry, string alias, Dictionary<Guid, ContentFacts> facts)
    {
        if (WebhookEvents.IsMedia(alias))
        {
            return (media.Get(entry.NodeKey)?.MediaType, null);
        }
        return (content.Get(entry.NodeKey)?.ContentType ?? (facts.TryGetValue(entry.NodeKey, out var f) ? f.ContentType : null), null);
    }

    /// <summary>
    /// Umbraco's payload shapes: a published item or saved media as the Delivery API shows them (default culture);
    /// for unpublish and deletes, what is left to know: id, name, type, and whether it went to the recycle bin.
    /// </summary>
    private string BuildPayload(ChangeFeedEntry entry, string alias, Dictionary<Guid, ContentFacts> facts)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var culture = schema.Schema.DefaultCulture;
            if (alias == WebhookEvents.ContentPublish && content.Get(entry.NodeKey) is { } item && item.ForCulture(culture) is not null && content.GetRoute(item.Key, culture) is not null)
            {
                DeliveryContentWriter.Write(writer, content, schema.Schema, item, culture, media: media);
            }
            else if (alias == WebhookEvents.MediaSave && media.Get(entry.NodeKey) is { } mediaItem)
            {
                DeliveryMediaWriter.WriteItem(writer, media, mediaItem);
            }
            else
            {
                writer.WriteStartObject();
                DeliveryJson.WriteKey(writer, "id", entry.NodeKey);
                if (!WebhookEvents.IsMedia(alias) && facts.TryGetValue(entry.NodeKey, out var f))
                {
                    writer.WriteString("name", f.Name);
                    writer.WriteString("contentType", f.ContentType);
                }
                if (alias == WebhookEvents.ContentDelete)
                {
                    writer.WriteBoolean("trashed", entry.Kind == ChangeKind.Trashed);
                }
                writer.WriteEndObject();
            }
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
