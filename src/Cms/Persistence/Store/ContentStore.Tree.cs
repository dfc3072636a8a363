using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;
using PoleKnowledge.Cms.PropertyEditors;

using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Persistence.Store;

public sealed partial class ContentStore
{
    /// <summary>Moves an item (and its descendants) under another parent; published routes that change leave redirects.</summary>
    public Task<ContentOutcome> MoveAsync(Guid key, Guid? newParentKey, int? sortOrder, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            var node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null)
            {
                return ContentOutcome.NotFound($"No item with key {key}.");
            }
            if (node.Trashed)
            {
                return ContentOutcome.Conflict($"Item {key} is in the recycle bin; restore it instead.");
            }
            ContentNodeEntity? parent = null;
            if (newParentKey is { } parentKey)
            {
                parent = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == parentKey, cancellationToken);
                if (parent is null || parent.Trashed)
                {
                    return ContentOutcome.Invalid(new FieldError("parentKey", $"The target parent {parentKey} does not exist or is in the recycle bin."));
                }
                if (parent.Path.Contains($"/{key}/", StringComparison.Ordinal))
                {
                    return ContentOutcome.Invalid(new FieldError("parentKey", "An item cannot be moved under itself or one of its descendants."));
                }
                var parentType = _schema.GetDocumentType(parent.ContentType);
                if (parentType is not null && !parentType.AllowedChildren.Contains(node.ContentType, StringComparer.Ordinal))
                {
                    return ContentOutcome.Invalid(new FieldError("parentKey", $"A '{node.ContentType}' is not allowed under a '{parent.ContentType}'."));
                }
            }
            else if (_schema.GetDocumentType(node.ContentType) is { AllowedAtRoot: false })
            {
                return ContentOutcome.Invalid(new FieldError("parentKey", $"A '{node.ContentType}' cannot live at the root."));
            }
            var cultures = await db.ContentCultures.AsNoTracking().Where(c => c.NodeKey == key).ToListAsync(cancellationToken);
            foreach (var culture in cultures)
            {
                var clash = await FindSegmentClashAsync(db, newParentKey, key, culture.Culture, culture.UrlSegment, cancellationToken);
                if (clash is not null)
                {
                    return ContentOutcome.Invalid(new FieldError("parentKey", clash));
                }
            }
            var outcome = await MoveCoreAsync(db, node, parent, sortOrder, actor, cancellationToken);
            if (!outcome.Succeeded)
            {
                return outcome;
            }
            return new ContentOutcome { Status = ContentStatus.Ok, Item = await LoadViewAsync(db, key, cancellationToken) };
        }, cancellationToken);

    /// <summary>Rewrites the paths and levels of a subtree under its new parent and records redirects for its published routes.</summary>
    private async Task<ContentOutcome> MoveCoreAsync(HubDbContext db, ContentNodeEntity node, ContentNodeEntity? parent, int? sortOrder, string actor, CancellationToken cancellationToken)
    {
        var oldPath = node.Path;
        var subtree = await db.ContentNodes.Where(n => n.Path.StartsWith(oldPath)).ToListAsync(cancellationToken);
        var oldRoutes = new List<(Guid Key, string Culture, string Route)>();
        foreach (var item in subtree)
        {
            foreach (var publication in await db.ContentPublications.AsNoTracking().Where(p => p.NodeKey == item.Key).ToListAsync(cancellationToken))
            {
                if (await ComputePublishedRouteAsync(db, item, publication.Culture, publication.UrlSegment, cancellationToken) is { } route && route != "/")
                {
                    oldRoutes.Add((item.Key, publication.Culture, route));
                }
            }
        }
        var newPath = (parent?.Path ?? "/") + node.Key + "/";
        var levelShift = (parent?.Level ?? 0) + 1 - node.Level;
        foreach (var item in subtree)
        {
            item.Path = newPath + item.Path[oldPath.Length..];
            item.Level += levelShift;
            item.Revision++;
            Feed(db, ChangeKind.Moved, item.Key);
        }
        node.ParentKey = parent?.Key;
        if (sortOrder is { } order)
        {
            node.SortOrder = order;
        }
        else
        {
            var max = await db.ContentNodes.Where(n => n.ParentKey == node.ParentKey && n.Key != node.Key).Select(n => (int?)n.SortOrder).MaxAsync(cancellationToken);
            node.SortOrder = (max ?? -1) + 1;
        }
        foreach (var culture in await db.ContentCultures.Where(c => c.NodeKey == node.Key).ToListAsync(cancellationToken))
        {
            culture.ParentKey = node.ParentKey;
        }
        foreach (var (key, culture, route) in oldRoutes)
        {
            await AddRedirectAsync(db, key, culture, route, cancellationToken);
        }
        Audit(db, actor, "move", node.Key, null, $"to {parent?.Key.ToString() ?? "root"}");
        await db.SaveChangesAsync(cancellationToken);
        return new ContentOutcome { Status = ContentStatus.Ok };
    }

    /// <summary>Sets the order of the children of a parent (or of the roots) to the order of <paramref name="orderedKeys"/>.</summary>
    public Task<ContentOutcome> SortAsync(Guid? parentKey, IReadOnlyList<Guid> orderedKeys, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            var children = await db.ContentNodes.Where(n => n.ParentKey == parentKey && !n.Trashed).ToListAsync(cancellationToken);
            var unknown = orderedKeys.Where(k => children.All(c => c.Key != k)).ToList();
            if (unknown.Count > 0)
            {
                return ContentOutcome.Invalid(new FieldError("keys", $"Not children of this parent: {string.Join(", ", unknown)}."));
            }
            if (orderedKeys.Distinct().Count() != orderedKeys.Count)
            {
                return ContentOutcome.Invalid(new FieldError("keys", "A key appears twice."));
            }
            var order = 0;
            foreach (var key in orderedKeys)
            {
                var child = children.First(c => c.Key == key);
                child.SortOrder = order++;
                child.Revision++;
                Feed(db, ChangeKind.Sorted, key);
            }
            // Children not listed keep their relative order after the listed ones.
            foreach (var child in children.Where(c => !orderedKeys.Contains(c.Key)).OrderBy(c => c.SortOrder))
            {
                child.SortOrder = order++;
                Feed(db, ChangeKind.Sorted, child.Key);
            }
            Audit(db, actor, "sort", parentKey, null, $"{orderedKeys.Count} items");
            await db.SaveChangesAsync(cancellationToken);
            return new ContentOutcome { Status = ContentStatus.Ok };
        }, cancellationToken);

    /// <summary>Moves an item and its descendants to the recycle bin; they are unpublished (restoring does not republish).</summary>
    public Task<ContentOutcome> TrashAsync(Guid key, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            var node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null)
            {
                return ContentOutcome.NotFound($"No item with key {key}.");
            }
            if (node.Trashed)
            {
                return ContentOutcome.Conflict($"Item {key} is already in the recycle bin.");
            }
            var subtree = await db.ContentNodes.Where(n => n.Path.StartsWith(node.Path)).ToListAsync(cancellationToken);
            var keys = subtree.Select(n => n.Key).ToList();
            db.ContentPublications.RemoveRange(await db.ContentPublications.Where(p => keys.Contains(p.NodeKey)).ToListAsync(cancellationToken));
            db.ContentSchedules.RemoveRange(await db.ContentSchedules.Where(s => keys.Contains(s.NodeKey)).ToListAsync(cancellationToken));
            foreach (var item in subtree)
            {
                item.Trashed = true;
                item.Revision++;
                Feed(db, ChangeKind.Trashed, item.Key);
            }
            Audit(db, actor, "trash", key, null, $"{subtree.Count} items");
            await db.SaveChangesAsync(cancellationToken);
            return new ContentOutcome { Status = ContentStatus.Ok, Item = await LoadViewAsync(db, key, cancellationToken) };
        }, cancellationToken);

    /// <summary>Brings an item and its descendants back from the recycle bin, under their parent or a given one. They stay unpublished.</summary>
    public Task<ContentOutcome> RestoreAsync(Guid key, Guid? targetParentKey, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            var node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null)
            {
                return ContentOutcome.NotFound($"No item with key {key}.");
            }
            if (!node.Trashed)
            {
                return ContentOutcome.Conflict($"Item {key} is not in the recycle bin.");
            }
            var parentKey = targetParentKey ?? node.ParentKey;
            ContentNodeEntity? parent = null;
            if (parentKey is { } pk)
            {
                parent = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == pk, cancellationToken);
                if (parent is null || parent.Trashed)
                {
                    return ContentOutcome.Invalid(new FieldError("parentKey", "The original parent is gone or in the recycle bin; give another parent to restore to."));
                }
            }
            foreach (var culture in await db.ContentCultures.AsNoTracking().Where(c => c.NodeKey == key).ToListAsync(cancellationToken))
            {
                if (await FindSegmentClashAsync(db, parentKey, key, culture.Culture, culture.UrlSegment, cancellationToken) is { } clash)
                {
                    return ContentOutcome.Invalid(new FieldError("parentKey", clash));
                }
            }
            var subtree = await db.ContentNodes.Where(n => n.Path.StartsWith(node.Path)).ToListAsync(cancellationToken);
            foreach (var item in subtree)
            {
                item.Trashed = false;
                item.Revision++;
                Feed(db, ChangeKind.Restored, item.Key);
            }
            await db.SaveChangesAsync(cancellationToken);
            if (parentKey != node.ParentKey)
            {
                await MoveCoreAsync(db, node, parent, null, actor, cancellationToken);
            }
            Audit(db, actor, "restore", key, null, $"{subtree.Count} items");
            await db.SaveChangesAsync(cancellationToken);
            return new ContentOutcome { Status = ContentStatus.Ok, Item = await LoadViewAsync(db, key, cancellationToken) };
        }, cancellationToken);

    /// <summary>Deletes an item in the recycle bin for good, with its descendants and versions.</summary>
    public Task<ContentOutcome> DeleteAsync(Guid key, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            var node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null)
            {
                return ContentOutcome.NotFound($"No item with key {key}.");
            }
            if (!node.Trashed)
            {
                return ContentOutcome.Conflict($"Item {key} must be in the recycle bin before it can be deleted for good.");
            }
            var subtree = await db.ContentNodes.Where(n => n.Path.StartsWith(node.Path)).ToListAsync(cancellationToken);
            var keys = subtree.Select(n => n.Key).ToList();
            db.ContentVersions.RemoveRange(await db.ContentVersions.Where(v => keys.Contains(v.NodeKey)).ToListAsync(cancellationToken));
            db.ContentCultures.RemoveRange(await db.ContentCultures.Where(v => keys.Contains(v.NodeKey)).ToListAsync(cancellationToken));
            db.ContentPublications.RemoveRange(await db.ContentPublications.Where(v => keys.Contains(v.NodeKey)).ToListAsync(cancellationToken));
            db.ContentSchedules.RemoveRange(await db.ContentSchedules.Where(v => keys.Contains(v.NodeKey)).ToListAsync(cancellationToken));
            db.Redirects.RemoveRange(await db.Redirects.Where(v => keys.Contains(v.NodeKey)).ToListAsync(cancellationToken));
            db.ContentNodes.RemoveRange(subtree);
            foreach (var item in subtree)
            {
                Feed(db, ChangeKind.Deleted, item.Key);
            }
            Audit(db, actor, "delete", key, null, $"{subtree.Count} items");
            await db.SaveChangesAsync(cancellationToken);
            return new ContentOutcome { Status = ContentStatus.Ok };
        }, cancellationToken);

    /// <summary>Copies an item (unpublished) under a parent; the copy's names get " (copie)" and a number until they are free.</summary>
    public Task<ContentOutcome> CopyAsync(Guid key, Guid? targetParentKey, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async db =>
        {
            var source = await LoadViewAsync(db, key, cancellationToken);
            if (source is null)
            {
                return ContentOutcome.NotFound($"No item with key {key}.");
            }
            var data = source.Data.Clone();
            var type = _schema.GetDocumentType(source.ContentType)!;
            var parentKey = targetParentKey ?? source.ParentKey;
            foreach (var culture in data.Names.Keys.ToList())
            {
                var baseName = data.Names[culture] + " (copie)";
                var candidate = baseName;
                for (var i = 2; await FindSegmentClashAsync(db, parentKey, Guid.Empty, culture, UrlSegmentBuilder.Build(candidate), cancellationToken) is not null; i++)
                {
                    candidate = $"{baseName} {i}";
                }
                data.Names[culture] = candidate;
                data.Segments.Remove(culture);
            }
            var firstCulture = data.Names.Keys.FirstOrDefault(c => c == _schema.DefaultCulture) ?? data.Names.Keys.First();
            var values = new Dictionary<string, System.Text.Json.Nodes.JsonNode?>();
            foreach (var (alias, value) in data.InvariantValues)
            {
                values[alias] = value?.DeepClone();
            }
            if (firstCulture.Length > 0 && data.CultureValues.TryGetValue(firstCulture, out var cultureValues))
            {
                foreach (var (alias, value) in cultureValues)
                {
                    values[alias] = value?.DeepClone();
                }
            }
            var outcome = await SaveCoreAsync(db, new ContentWrite
            {
                ContentType = type.Alias, ParentKey = parentKey, Culture = firstCulture.Length == 0 ? null : firstCulture,
                Name = data.Names[firstCulture], Values = values,
            }, actor, cancellationToken);
            if (!outcome.Succeeded || outcome.Item is null)
            {
                return outcome;
            }
            foreach (var culture in data.Names.Keys.Where(c => c != firstCulture))
            {
                var more = await SaveCoreAsync(db, new ContentWrite
                {
                    Key = outcome.Item.Key, ContentType = type.Alias, Culture = culture, Name = data.Names[culture],
                    Values = data.CultureValues.GetValueOrDefault(culture)?.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) ?? [],
                }, actor, cancellationToken);
                if (!more.Succeeded)
                {
                    return more;
                }
            }
            Audit(db, actor, "copy", outcome.Item.Key, null, $"from {key}");
            await db.SaveChangesAsync(cancellationToken);
            return new ContentOutcome { Status = ContentStatus.Created, Item = await LoadViewAsync(db, outcome.Item.Key, cancellationToken) };
        }, cancellationToken);
}
