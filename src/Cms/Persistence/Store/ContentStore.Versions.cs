using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Persistence.Entities;

using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Persistence.Store;

public sealed partial class ContentStore
{
    /// <summary>The version history of an item, newest first, with the cultures each version is published in.</summary>
    public async Task<IReadOnlyList<ContentVersionInfo>?> GetVersionsAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        if (!await db.ContentNodes.AnyAsync(n => n.Key == key, cancellationToken))
        {
            return null;
        }
        var publications = await db.ContentPublications.AsNoTracking().Where(p => p.NodeKey == key).ToListAsync(cancellationToken);
        var versions = await db.ContentVersions.AsNoTracking().Where(v => v.NodeKey == key).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return versions.Select(v => new ContentVersionInfo(
            v.Number, v.CreateDateUtc, v.Author,
            publications.Where(p => p.VersionNumber == v.Number).Select(p => p.Culture).ToList(),
            ContentData.FromJson(v.Data).Names)).ToList();
    }

    /// <summary>The data of one version.</summary>
    public async Task<ContentData?> GetVersionDataAsync(Guid key, int number, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var row = await db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.NodeKey == key && v.Number == number, cancellationToken);
        return row is null ? null : ContentData.FromJson(row.Data);
    }

    /// <summary>
    /// Makes an earlier version the current draft again, as a new version (history is never rewritten).
    /// What is published does not change until the draft is published.
    /// </summary>
    public Task<ContentOutcome> RollbackAsync(Guid key, int number, int? expectedRevision, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            var node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null)
            {
                return ContentOutcome.NotFound($"No item with key {key}.");
            }
            if (expectedRevision is { } expected && expected != node.Revision)
            {
                return ContentOutcome.Conflict($"Item {key} is at revision {node.Revision}, not {expected}.");
            }
            var source = await db.ContentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.NodeKey == key && v.Number == number, cancellationToken);
            if (source is null)
            {
                return ContentOutcome.NotFound($"Item {key} has no version {number}.");
            }
            var data = ContentData.FromJson(source.Data);
            foreach (var (culture, name) in data.Names)
            {
                var segment = data.Segments.GetValueOrDefault(culture) ?? UrlSegmentBuilder.Build(name);
                if (await FindSegmentClashAsync(db, node.ParentKey, key, culture, segment, cancellationToken) is { } clash)
                {
                    return ContentOutcome.Invalid(new PropertyEditors.FieldError("name", clash));
                }
            }
            var now = UtcNow;
            node.CurrentVersion++;
            node.Revision++;
            node.UpdateDateUtc = now;
            db.ContentVersions.Add(new ContentVersionEntity { NodeKey = key, Number = node.CurrentVersion, CreateDateUtc = now, Author = actor, Data = data.ToJson() });
            foreach (var (culture, name) in data.Names)
            {
                await UpsertCultureAsync(db, key, node.ParentKey, culture, name, data.Segments.GetValueOrDefault(culture) ?? UrlSegmentBuilder.Build(name), now, cancellationToken);
            }
            Audit(db, actor, "rollback", key, null, $"to version {number} as version {node.CurrentVersion}");
            Feed(db, ChangeKind.Saved, key);
            await db.SaveChangesAsync(cancellationToken);
            return new ContentOutcome { Status = ContentStatus.Ok, Item = await LoadViewAsync(db, key, cancellationToken) };
        }, cancellationToken);
}
