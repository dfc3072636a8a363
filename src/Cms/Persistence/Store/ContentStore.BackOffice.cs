using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Persistence.Entities;

namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>Reads the back office needs beyond the management API: list views, pickers, the audit log, media usage.</summary>
public sealed partial class ContentStore
{
    private static readonly HashSet<string> ListSorts = new(StringComparer.Ordinal) { "sortOrder", "name", "updated" };

    /// <summary>
    /// A page of the children of one parent (or of the roots, or of the recycle bin), filtered by name and type,
    /// sorted by tree order, name or last update. Names come from the draft culture rows, one indexed query.
    /// </summary>
    public async Task<(int Total, IReadOnlyList<ContentListRow> Rows)> ListAsync(ContentListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var nodes = db.ContentNodes.AsNoTracking().Where(n => n.Trashed == query.Trashed);
        if (!query.Trashed || query.ParentKey is not null)
        {
            nodes = nodes.Where(n => n.ParentKey == query.ParentKey);
        }
        if (!string.IsNullOrWhiteSpace(query.ContentType))
        {
            nodes = nodes.Where(n => n.ContentType == query.ContentType);
        }
        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            var pattern = $"%{query.Filter.Trim().Replace("\\", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant()}%";
            nodes = nodes.Where(n => db.ContentCultures.Any(c => c.NodeKey == n.Key && EF.Functions.Like(c.Name.ToLower(), pattern)));
        }
        var total = await nodes.CountAsync(cancellationToken);
        var defaultCulture = _schema.DefaultCulture;
        var sort = ListSorts.Contains(query.Sort) ? query.Sort : "sortOrder";
        var named = nodes.Select(n => new
        {
            Node = n,
            Name = db.ContentCultures.Where(c => c.NodeKey == n.Key).OrderBy(c => c.Culture == defaultCulture || c.Culture == "" ? 0 : 1).Select(c => c.Name).FirstOrDefault() ?? "",
        });
        named = (sort, query.Descending) switch
        {
            ("name", false) => named.OrderBy(x => x.Name).ThenBy(x => x.Node.Key),
            ("name", true) => named.OrderByDescending(x => x.Name).ThenBy(x => x.Node.Key),
            ("updated", false) => named.OrderBy(x => x.Node.UpdateDateUtc).ThenBy(x => x.Node.Key),
            ("updated", true) => named.OrderByDescending(x => x.Node.UpdateDateUtc).ThenBy(x => x.Node.Key),
            (_, true) => named.OrderByDescending(x => x.Node.SortOrder).ThenBy(x => x.Node.Key),
            _ => named.OrderBy(x => x.Node.SortOrder).ThenBy(x => x.Node.Key),
        };
        var page = await named.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(cancellationToken);
        var keys = page.Select(p => p.Node.Key).ToList();
        var published = await db.ContentPublications.AsNoTracking().Where(p => keys.Contains(p.NodeKey)).Select(p => new { p.NodeKey, p.Culture }).ToListAsync(cancellationToken);
        var parents = await db.ContentNodes.AsNoTracking().Where(n => n.ParentKey != null && keys.Contains(n.ParentKey.Value) && !n.Trashed).Select(n => n.ParentKey!.Value).Distinct().ToListAsync(cancellationToken);
        var rows = page.Select(p => new ContentListRow(
            p.Node.Key, p.Node.ParentKey, p.Node.ContentType, p.Name, p.Node.SortOrder, p.Node.UpdateDateUtc,
            published.Where(x => x.NodeKey == p.Node.Key).Select(x => x.Culture.Length == 0 ? defaultCulture : x.Culture).ToList(),
            parents.Contains(p.Node.Key), p.Node.Trashed)).ToList();
        return (total, rows);
    }

    /// <summary>The ancestors of an item, root first (for breadcrumbs), with their draft names.</summary>
    public async Task<IReadOnlyList<(Guid Key, string Name)>> GetAncestorsAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var result = new List<(Guid, string)>();
        var current = await db.ContentNodes.AsNoTracking().Where(n => n.Key == key).Select(n => n.ParentKey).FirstOrDefaultAsync(cancellationToken);
        // Depth is small (a handful of levels); one query per level keeps this simple.
        for (var guard = 0; current is { } parent && guard < 64; guard++)
        {
            var name = await db.ContentCultures.AsNoTracking().Where(c => c.NodeKey == parent).OrderBy(c => c.Culture == _schema.DefaultCulture || c.Culture == "" ? 0 : 1).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
            result.Insert(0, (parent, name));
            current = await db.ContentNodes.AsNoTracking().Where(n => n.Key == parent).Select(n => n.ParentKey).FirstOrDefaultAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>Items of the given types (all types when empty) whose name contains the text: candidates for content pickers.</summary>
    public async Task<IReadOnlyList<(Guid Key, string Name, string ContentType)>> FindForPickerAsync(IReadOnlyCollection<string> types, string? text, int take, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var nodes = db.ContentNodes.AsNoTracking().Where(n => !n.Trashed);
        if (types.Count > 0)
        {
            nodes = nodes.Where(n => types.Contains(n.ContentType));
        }
        var query = from n in nodes
                    join c in db.ContentCultures on n.Key equals c.NodeKey
                    where c.Culture == "" || c.Culture == _schema.DefaultCulture
                    select new { n.Key, c.Name, n.ContentType };
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim().ToLowerInvariant()}%";
            query = query.Where(x => EF.Functions.Like(x.Name.ToLower(), pattern));
        }
        var rows = await query.OrderBy(x => x.Name).Take(Math.Clamp(take, 1, 1000)).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Key, r.Name, r.ContentType)).ToList();
    }

    /// <summary>Items whose current draft mentions a key (a media item or another item): the "used by" list before a delete.</summary>
    public async Task<IReadOnlyList<(Guid Key, string Name)>> FindReferencesAsync(Guid target, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var needle = $"%{target:D}%";
        var rows = await (from n in db.ContentNodes.AsNoTracking()
                          join v in db.ContentVersions.AsNoTracking() on new { n.Key, Number = n.CurrentVersion } equals new { Key = v.NodeKey, v.Number }
                          where EF.Functions.Like(v.Data, needle)
                          select new { n.Key, v.Data }).Take(200).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Key, Content.ContentData.FromJson(r.Data).Names.Values.FirstOrDefault() ?? "")).ToList();
    }

    /// <summary>A page of the audit log, newest first.</summary>
    public async Task<(int Total, IReadOnlyList<AuditRecord> Rows)> GetAuditPageAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var rows = db.AuditEntries.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            rows = rows.Where(a => a.Actor == query.Actor);
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            rows = rows.Where(a => a.Action == query.Action);
        }
        if (query.NodeKey is { } key)
        {
            rows = rows.Where(a => a.NodeKey == key);
        }
        if (query.FromUtc is { } from)
        {
            rows = rows.Where(a => a.DateUtc >= from);
        }
        if (query.ToUtc is { } to)
        {
            rows = rows.Where(a => a.DateUtc < to);
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(a => a.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500))
            .Select(a => new AuditRecord(a.Id, a.DateUtc, a.Actor, a.Action, a.NodeKey, a.Culture, a.Detail)).ToListAsync(cancellationToken);
        return (total, page);
    }

    /// <summary>The distinct actions in the audit log, for the filter list.</summary>
    public async Task<IReadOnlyList<string>> GetAuditActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }

    /// <summary>Writes an audit entry for something that is not a content write (sign-in, user and token administration, review requests).</summary>
    public async Task AddAuditAsync(string actor, string action, Guid? key = null, string? culture = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        db.AuditEntries.Add(new AuditEntity { DateUtc = UtcNow, Actor = actor, Action = action, NodeKey = key, Culture = culture, Detail = detail is { Length: > 2000 } ? detail[..2000] : detail });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The latest review request of each item not yet followed by a publish of that item: the editors' review queue.</summary>
    public async Task<IReadOnlyList<AuditRecord>> GetPendingReviewsAsync(string requestAction, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var requests = await db.AuditEntries.AsNoTracking().Where(a => a.Action == requestAction && a.NodeKey != null)
            .OrderByDescending(a => a.Id).Take(500).ToListAsync(cancellationToken);
        var result = new List<AuditRecord>();
        foreach (var request in requests.GroupBy(r => r.NodeKey).Select(g => g.First()))
        {
            var answered = await db.AuditEntries.AsNoTracking().AnyAsync(a => a.NodeKey == request.NodeKey && a.Id > request.Id && (a.Action == "publish" || a.Action == "review-rejected" || a.Action == "trash"), cancellationToken);
            if (!answered)
            {
                result.Add(new AuditRecord(request.Id, request.DateUtc, request.Actor, request.Action, request.NodeKey, request.Culture, request.Detail));
            }
        }
        return result;
    }
}
