using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;

using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Persistence.Store;

public sealed partial class ContentStore
{
    public const string SchedulePublish = "publish";
    public const string ScheduleUnpublish = "unpublish";

    /// <summary>Publishes the current draft in the given cultures (all cultures that have a name when null).</summary>
    public Task<ContentOutcome> PublishAsync(Guid key, IReadOnlyList<string>? cultures, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(db => PublishCoreAsync(db, key, cultures, actor, cancellationToken), cancellationToken);

    private async Task<ContentOutcome> PublishCoreAsync(HubDbContext db, Guid key, IReadOnlyList<string>? cultures, string actor, CancellationToken cancellationToken)
    {
        var node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null)
        {
            return ContentOutcome.NotFound($"No item with key {key}.");
        }
        if (node.Trashed)
        {
            return ContentOutcome.Conflict($"Item {key} is in the recycle bin; restore it before publishing.");
        }
        var type = _schema.GetDocumentType(node.ContentType);
        if (type is null)
        {
            return ContentOutcome.Conflict($"Item {key} is a '{node.ContentType}', a type the schema no longer has.");
        }
        var version = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.NodeKey == key && v.Number == node.CurrentVersion, cancellationToken);
        var data = ContentData.FromJson(version.Data);
        var targets = new List<string>();
        if (!type.VariesByCulture)
        {
            targets.Add(ContentData.Invariant);
        }
        else if (cultures is null || cultures.Count == 0)
        {
            targets.AddRange(data.Names.Keys.Where(c => c.Length > 0));
        }
        else
        {
            foreach (var wanted in cultures)
            {
                var culture = ResolveCulture(type, wanted, out var error);
                if (error is not null)
                {
                    return ContentOutcome.Invalid(error);
                }
                if (!data.Names.ContainsKey(culture))
                {
                    return ContentOutcome.Invalid(new FieldError("cultures", $"Item {key} has no {culture} version to publish; save it in {culture} first."));
                }
                targets.Add(culture);
            }
        }
        foreach (var culture in targets)
        {
            var required = _validator.CheckRequired(type, data.InvariantValues, culture.Length == 0 ? null : data.CultureValues.GetValueOrDefault(culture), variantOnly: culture.Length > 0 && culture != _schema.DefaultCulture);
            if (required.Count > 0)
            {
                return ContentOutcome.Invalid(required);
            }
            await PublishCultureAsync(db, node, type, data, culture, actor, cancellationToken);
        }
        node.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return new ContentOutcome { Status = ContentStatus.Ok, Item = await LoadViewAsync(db, key, cancellationToken) };
    }

    /// <summary>Writes the publication row of one culture from the given data (the current version) and records a redirect when the route changes.</summary>
    private async Task PublishCultureAsync(HubDbContext db, ContentNodeEntity node, DocumentType type, ContentData data, string culture, string actor, CancellationToken cancellationToken, bool isNew = false)
    {
        var now = UtcNow;
        var name = data.Names.GetValueOrDefault(culture) ?? data.Names.Values.FirstOrDefault() ?? "";
        var segment = data.Segments.GetValueOrDefault(culture) ?? UrlSegmentBuilder.Build(name);
        var properties = BuildPublishedProperties(type, data, culture);
        var row = isNew ? null : await db.ContentPublications.FirstOrDefaultAsync(p => p.NodeKey == node.Key && p.Culture == culture, cancellationToken);
        if (row is null)
        {
            db.ContentPublications.Add(new ContentPublicationEntity
            {
                NodeKey = node.Key, Culture = culture, VersionNumber = node.CurrentVersion, Name = name, UrlSegment = segment,
                PublishDateUtc = now, UpdateDateUtc = now, Properties = properties,
            });
        }
        else
        {
            if (!string.Equals(row.UrlSegment, segment, StringComparison.Ordinal) && node.Level > 1)
            {
                var oldRoute = await ComputePublishedRouteAsync(db, node, culture, row.UrlSegment, cancellationToken);
                if (oldRoute is not null)
                {
                    await AddRedirectAsync(db, node.Key, culture, oldRoute, cancellationToken);
                }
            }
            row.VersionNumber = node.CurrentVersion;
            row.Name = name;
            row.UrlSegment = segment;
            row.UpdateDateUtc = now;
            row.Properties = properties;
        }
        Audit(db, actor, "publish", node.Key, culture, $"version {node.CurrentVersion}");
        Feed(db, ChangeKind.Published, node.Key);
    }

    /// <summary>Withdraws the published state in the given cultures (all when null); drafts are kept.</summary>
    public Task<ContentOutcome> UnpublishAsync(Guid key, IReadOnlyList<string>? cultures, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            var node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null)
            {
                return ContentOutcome.NotFound($"No item with key {key}.");
            }
            var rows = await db.ContentPublications.Where(p => p.NodeKey == key).ToListAsync(cancellationToken);
            var targets = cultures is null || cultures.Count == 0 ? rows : rows.Where(r => r.Culture.Length == 0 || cultures.Contains(r.Culture, StringComparer.OrdinalIgnoreCase)).ToList();
            if (targets.Count == 0)
            {
                return ContentOutcome.Conflict($"Item {key} is not published{(cultures is { Count: > 0 } ? " in " + string.Join(", ", cultures) : "")}.");
            }
            foreach (var row in targets)
            {
                db.ContentPublications.Remove(row);
                Audit(db, actor, "unpublish", key, row.Culture);
            }
            node.Revision++;
            Feed(db, ChangeKind.Unpublished, key);
            await db.SaveChangesAsync(cancellationToken);
            return new ContentOutcome { Status = ContentStatus.Ok, Item = await LoadViewAsync(db, key, cancellationToken) };
        }, cancellationToken);

    /// <summary>Schedules a publish or unpublish of one culture ("" or null = every culture) at a UTC time in the future.</summary>
    public Task<ContentOutcome> ScheduleAsync(Guid key, string? culture, string action, DateTimeOffset due, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            if (action is not (SchedulePublish or ScheduleUnpublish))
            {
                return ContentOutcome.Invalid(new FieldError("action", $"Unknown action '{action}'; use '{SchedulePublish}' or '{ScheduleUnpublish}'."));
            }
            var node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null)
            {
                return ContentOutcome.NotFound($"No item with key {key}.");
            }
            var dueUtc = due.UtcDateTime;
            if (dueUtc <= UtcNow)
            {
                return ContentOutcome.Invalid(new FieldError(action == SchedulePublish ? "publishAt" : "unpublishAt", $"The date {due:O} is not in the future (now is {UtcNow:O})."));
            }
            var cultureValue = "";
            if (!string.IsNullOrEmpty(culture))
            {
                var type = _schema.GetDocumentType(node.ContentType);
                if (type is null)
                {
                    return ContentOutcome.Conflict($"Item {key} has an unknown type.");
                }
                cultureValue = ResolveCulture(type, culture, out var error);
                if (error is not null)
                {
                    return ContentOutcome.Invalid(error);
                }
            }
            var existing = await db.ContentSchedules.Where(s => s.NodeKey == key && s.Culture == cultureValue && s.Action == action).ToListAsync(cancellationToken);
            db.ContentSchedules.RemoveRange(existing);
            db.ContentSchedules.Add(new ContentScheduleEntity { NodeKey = key, Culture = cultureValue, Action = action, DueUtc = dueUtc, RequestedBy = actor });
            node.Revision++;
            Audit(db, actor, "schedule-" + action, key, cultureValue, dueUtc.ToString("O"));
            Feed(db, ChangeKind.Saved, key);
            await db.SaveChangesAsync(cancellationToken);
            return new ContentOutcome { Status = ContentStatus.Ok, Item = await LoadViewAsync(db, key, cancellationToken) };
        }, cancellationToken);

    /// <summary>Removes a pending scheduled action.</summary>
    public Task<ContentOutcome> CancelScheduleAsync(Guid key, long scheduleId, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            var row = await db.ContentSchedules.FirstOrDefaultAsync(s => s.Id == scheduleId && s.NodeKey == key, cancellationToken);
            if (row is null)
            {
                return ContentOutcome.NotFound($"No scheduled action {scheduleId} on item {key}.");
            }
            db.ContentSchedules.Remove(row);
            Audit(db, actor, "schedule-cancel", key, row.Culture, $"{row.Action} at {row.DueUtc:O}");
            await db.SaveChangesAsync(cancellationToken);
            return new ContentOutcome { Status = ContentStatus.Ok, Item = await LoadViewAsync(db, key, cancellationToken) };
        }, cancellationToken);

    /// <summary>Runs every scheduled action due at the current time. Returns how many ran (failures are logged in the audit and dropped).</summary>
    public async Task<int> RunDueSchedulesAsync(CancellationToken cancellationToken = default)
    {
        List<ContentScheduleEntity> due;
        await using (var db = _contexts.CreateDbContext())
        {
            var now = UtcNow;
            due = await db.ContentSchedules.AsNoTracking().Where(s => s.DueUtc <= now).OrderBy(s => s.DueUtc).ToListAsync(cancellationToken);
        }
        var ran = 0;
        foreach (var schedule in due)
        {
            var cultures = schedule.Culture.Length == 0 ? null : new[] { schedule.Culture };
            var actor = "scheduler" + (schedule.RequestedBy is null ? "" : $" (for {schedule.RequestedBy})");
            var outcome = await InTransactionAsync(async db =>
            {
                var row = await db.ContentSchedules.FirstOrDefaultAsync(s => s.Id == schedule.Id, cancellationToken);
                if (row is null)
                {
                    return ContentOutcome.NotFound("Already run.");
                }
                db.ContentSchedules.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
                var result = schedule.Action == SchedulePublish
                    ? await PublishCoreAsync(db, schedule.NodeKey, cultures, actor, cancellationToken)
                    : await UnpublishInCoreAsync(db, schedule.NodeKey, cultures, actor, cancellationToken);
                if (!result.Succeeded)
                {
                    // The schedule is consumed either way; record why it did nothing.
                    Audit(db, actor, "schedule-failed", schedule.NodeKey, schedule.Culture, $"{schedule.Action}: {result.Message} {string.Join("; ", result.Errors.Select(e => e.Field + ": " + e.Message))}");
                    await db.SaveChangesAsync(cancellationToken);
                    return new ContentOutcome { Status = ContentStatus.Ok };
                }
                return result;
            }, cancellationToken);
            if (outcome.Succeeded && outcome.Item is not null)
            {
                ran++;
            }
        }
        return ran;
    }

    private async Task<ContentOutcome> UnpublishInCoreAsync(HubDbContext db, Guid key, IReadOnlyList<string>? cultures, string actor, CancellationToken cancellationToken)
    {
        var rows = await db.ContentPublications.Where(p => p.NodeKey == key).ToListAsync(cancellationToken);
        var targets = cultures is null ? rows : rows.Where(r => r.Culture.Length == 0 || cultures.Contains(r.Culture, StringComparer.OrdinalIgnoreCase)).ToList();
        if (targets.Count == 0)
        {
            return ContentOutcome.Conflict($"Item {key} is not published.");
        }
        db.ContentPublications.RemoveRange(targets);
        foreach (var row in targets)
        {
            Audit(db, actor, "unpublish", key, row.Culture);
        }
        Feed(db, ChangeKind.Unpublished, key);
        await db.SaveChangesAsync(cancellationToken);
        return new ContentOutcome { Status = ContentStatus.Ok, Item = await LoadViewAsync(db, key, cancellationToken) };
    }

    /// <summary>
    /// The published route of an item in a culture from the database (the root's own segment never shows),
    /// or null when an ancestor is not published there.
    /// </summary>
    private static async Task<string?> ComputePublishedRouteAsync(HubDbContext db, ContentNodeEntity node, string culture, string ownSegment, CancellationToken cancellationToken)
    {
        var ancestorKeys = node.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        ancestorKeys.RemoveAt(ancestorKeys.Count - 1);
        if (ancestorKeys.Count == 0)
        {
            return "/";
        }
        ancestorKeys.RemoveAt(0);
        var rows = await db.ContentPublications.AsNoTracking()
            .Where(p => ancestorKeys.Contains(p.NodeKey) && (p.Culture == culture || p.Culture == ""))
            .Select(p => new { p.NodeKey, p.UrlSegment }).ToListAsync(cancellationToken);
        var segments = new List<string>(ancestorKeys.Count + 1);
        foreach (var ancestor in ancestorKeys)
        {
            var row = rows.FirstOrDefault(r => r.NodeKey == ancestor);
            if (row is null)
            {
                return null;
            }
            segments.Add(row.UrlSegment);
        }
        segments.Add(ownSegment);
        return "/" + string.Join('/', segments) + "/";
    }

    private async Task AddRedirectAsync(HubDbContext db, Guid key, string culture, string route, CancellationToken cancellationToken)
    {
        var existing = await db.Redirects.FirstOrDefaultAsync(r => r.Route == route && r.Culture == culture, cancellationToken);
        if (existing is null)
        {
            db.Redirects.Add(new RedirectEntity { NodeKey = key, Culture = culture, Route = route, CreateDateUtc = UtcNow });
        }
        else
        {
            existing.NodeKey = key;
            existing.CreateDateUtc = UtcNow;
        }
    }

    /// <summary>The item a retired route now redirects to, if any (for the Delivery API's 301 and public pages).</summary>
    public async Task<Guid?> FindRedirectAsync(string route, string culture, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        return await db.Redirects.AsNoTracking().Where(r => r.Route == route && (r.Culture == culture || r.Culture == "")).Select(r => (Guid?)r.NodeKey).FirstOrDefaultAsync(cancellationToken);
    }
}
