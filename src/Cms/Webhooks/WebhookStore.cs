using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;

namespace PoleKnowledge.Cms.Webhooks;

/// <summary>
/// Webhooks and their delivery log in the hub's database. Every change is audited. Deleting a hook deletes
/// its log; disabling it keeps the log and stops new deliveries.
/// </summary>
public sealed class WebhookStore(HubDbContextFactory contexts, TimeProvider time, WebhookSignal signal)
{
    private DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Webhooks.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(ToWebhook)];
    }

    /// <summary>The enabled hooks (read once per change-feed batch: the table is small).</summary>
    public async Task<IReadOnlyList<Webhook>> ListEnabledAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Webhooks.AsNoTracking().Where(w => w.Enabled).ToListAsync(cancellationToken);
        return [.. rows.Select(ToWebhook)];
    }

    public async Task<Webhook?> GetAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Key == key, cancellationToken);
        return row is null ? null : ToWebhook(row);
    }

    /// <summary>Creates a hook and returns it with its secret (shown once).</summary>
    public async Task<(Webhook Webhook, string Secret)> CreateAsync(WebhookInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = contexts.CreateDbContext();
        var now = UtcNow;
        var row = new WebhookEntity
        {
            Key = Guid.NewGuid(), Name = input.Name.Trim(), Url = input.Url.Trim(), Events = string.Join(',', input.Events),
            ContentTypes = string.Join(',', input.ContentTypes), Enabled = input.Enabled, Secret = WebhookSignature.NewSecret(),
            CreateDateUtc = now, UpdateDateUtc = now,
        };
        db.Webhooks.Add(row);
        Audit(db, actor, "webhook-create", row.Name + " → " + row.Url);
        await db.SaveChangesAsync(cancellationToken);
        return (ToWebhook(row), row.Secret);
    }

    public async Task<bool> UpdateAsync(Guid key, WebhookInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = contexts.CreateDbContext();
        var row = await db.Webhooks.FirstOrDefaultAsync(w => w.Key == key, cancellationToken);
        if (row is null)
        {
            return false;
        }
        row.Name = input.Name.Trim();
        row.Url = input.Url.Trim();
        row.Events = string.Join(',', input.Events);
        row.ContentTypes = string.Join(',', input.ContentTypes);
        row.Enabled = input.Enabled;
        row.UpdateDateUtc = UtcNow;
        Audit(db, actor, "webhook-update", row.Name + " → " + row.Url);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetEnabledAsync(Guid key, bool enabled, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Webhooks.FirstOrDefaultAsync(w => w.Key == key, cancellationToken);
        if (row is null)
        {
            return false;
        }
        row.Enabled = enabled;
        row.UpdateDateUtc = UtcNow;
        Audit(db, actor, enabled ? "webhook-enable" : "webhook-disable", row.Name);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Replaces the secret and returns the new one (shown once), or null for an unknown hook.</summary>
    public async Task<string?> RegenerateSecretAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Webhooks.FirstOrDefaultAsync(w => w.Key == key, cancellationToken);
        if (row is null)
        {
            return null;
        }
        row.Secret = WebhookSignature.NewSecret();
        row.UpdateDateUtc = UtcNow;
        Audit(db, actor, "webhook-secret", row.Name);
        await db.SaveChangesAsync(cancellationToken);
        return row.Secret;
    }

    public async Task<bool> DeleteAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Webhooks.FirstOrDefaultAsync(w => w.Key == key, cancellationToken);
        if (row is null)
        {
            return false;
        }
        await db.WebhookDeliveries.Where(d => d.WebhookKey == key).ExecuteDeleteAsync(cancellationToken);
        db.Webhooks.Remove(row);
        Audit(db, actor, "webhook-delete", row.Name);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A page of a hook's delivery log, newest first, and the total number of rows.</summary>
    public async Task<(IReadOnlyList<WebhookDelivery> Items, int Total)> ListDeliveriesAsync(Guid webhookKey, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WebhookKey == webhookKey);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return ([.. rows.Select(ToDelivery)], total);
    }

    public async Task<WebhookDelivery?> GetDeliveryAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : ToDelivery(row);
    }

    /// <summary>Queues a test ping to a hook (sent even when the hook is disabled, never retried). Returns its delivery id.</summary>
    public async Task<long?> QueuePingAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Key == key, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var now = UtcNow;
        var payload = System.Text.Json.JsonSerializer.Serialize(new { @event = WebhookEvents.Ping, webhook = row.Name, date = now, requestedBy = actor });
        var delivery = new WebhookDeliveryEntity
        {
            WebhookKey = key, Event = WebhookEvents.Ping, Payload = payload, Status = WebhookDeliveryStatus.Pending, CreateDateUtc = now,
            // Sent by the page itself, right away; not before the dispatcher could pick it up.
            NextAttemptUtc = now.AddMinutes(1),
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        return delivery.Id;
    }

    /// <summary>Puts a delivery back in the queue, due now (a manual retry: one more attempt). False when unknown or still pending.</summary>
    public async Task<bool> RequeueAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null || row.Status == WebhookDeliveryStatus.Pending)
        {
            return false;
        }
        row.Status = WebhookDeliveryStatus.Pending;
        row.NextAttemptUtc = UtcNow;
        Audit(db, actor, "webhook-retry", $"{row.Event} #{row.Id}");
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }

    internal static Webhook ToWebhook(WebhookEntity row) => new(
        row.Key, row.Name, row.Url, Split(row.Events), Split(row.ContentTypes), row.Enabled, row.CreateDateUtc, row.UpdateDateUtc);

    internal static WebhookDelivery ToDelivery(WebhookDeliveryEntity row) => new(
        row.Id, row.WebhookKey, row.Event, row.NodeKey, row.Status, row.Attempts, row.CreateDateUtc, row.LastAttemptUtc,
        row.Status == WebhookDeliveryStatus.Pending ? row.NextAttemptUtc : null, row.StatusCode, row.DurationMs, row.Response, row.Payload);

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Audit(HubDbContext db, string actor, string action, string detail) =>
        db.AuditEntries.Add(new AuditEntity { DateUtc = UtcNow, Actor = actor, Action = action, Detail = detail.Length > 2000 ? detail[..2000] : detail });
}
