using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Media;

public sealed partial class MediaStore
{
    /// <summary>Renames, moves, re-sorts an item or changes its properties, focal point and crops (the file stays).</summary>
    public async Task<MediaOutcome> UpdateAsync(Guid key, MediaWrite write, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return await InTransactionAsync(async db =>
        {
            var row = await db.MediaNodes.FirstOrDefaultAsync(m => m.Key == key, cancellationToken);
            if (row is null)
            {
                return MediaOutcome.NotFound($"No media item with key {key}.");
            }
            if (write.Revision is { } revision && revision != row.Revision)
            {
                return MediaOutcome.Conflict($"The media item is at revision {row.Revision}, not {revision}: someone changed it meanwhile; reload it and try again.");
            }
            var errors = new List<FieldError>();
            var isImage = row.MediaType == ImageType;
            if (write.Name is not null)
            {
                CheckName(write.Name.Trim(), errors);
                row.Name = write.Name.Trim();
            }
            if (write.Properties.Count > 0)
            {
                if (_schema.GetMediaType(row.MediaType) is { } type)
                {
                    row.Properties = NormalizeProperties(type, row.Properties, write.Properties, errors);
                }
                else
                {
                    errors.Add(new FieldError(write.Properties.Keys.First(), $"The media type '{row.MediaType}' is no longer in the schema."));
                }
            }
            if (write.HasFocalPoint)
            {
                var focal = ParseFocalPoint(write, isImage, errors);
                (row.FocalLeft, row.FocalTop) = (focal?.Left, focal?.Top);
            }
            if (write.HasCrops)
            {
                row.Crops = ParseCrops(write, isImage, errors);
            }
            if (write.SortOrder is { } sortOrder)
            {
                row.SortOrder = sortOrder;
            }
            if (errors.Count > 0)
            {
                return MediaOutcome.Invalid(errors);
            }
            var changedKeys = new List<Guid> { key };
            if (row.MediaType == FolderType && (write.Name is not null || write.Move)
                && await FolderNameTakenAsync(db, write.Move ? write.ParentKey : row.ParentKey, row.Name, key, cancellationToken))
            {
                return MediaOutcome.Fail(MediaStatus.Invalid, "name", DuplicateFolderName);
            }
            if (write.Move && write.ParentKey != row.ParentKey)
            {
                var (parent, parentError) = await LoadParentAsync(db, write.ParentKey, row.MediaType, cancellationToken);
                if (parentError is not null)
                {
                    return parentError;
                }
                if (parent is not null && parent.Path.StartsWith(row.Path, StringComparison.Ordinal))
                {
                    return MediaOutcome.Fail(MediaStatus.Invalid, "parentKey", "A folder cannot move into itself or one of its subfolders.");
                }
                var oldPath = row.Path;
                var newPath = (parent?.Path ?? "/") + key.ToString("D") + "/";
                var levelShift = (parent?.Level ?? 0) + 1 - row.Level;
                var descendants = await db.MediaNodes.Where(m => m.Path.StartsWith(oldPath) && m.Key != key).ToListAsync(cancellationToken);
                foreach (var descendant in descendants)
                {
                    descendant.Path = newPath + descendant.Path[oldPath.Length..];
                    descendant.Level += levelShift;
                    changedKeys.Add(descendant.Key);
                }
                row.ParentKey = parent?.Key;
                row.Path = newPath;
                row.Level += levelShift;
                if (write.SortOrder is null)
                {
                    row.SortOrder = await NextSortOrderAsync(db, parent?.Key, cancellationToken);
                }
            }
            row.UpdateDateUtc = UtcNow;
            row.Revision++;
            Audit(db, actor, changedKeys.Count > 1 || write.Move ? "media-move" : "media-save", key, $"'{row.Name}'");
            foreach (var changed in changedKeys)
            {
                Feed(db, MediaChangeKind.Saved, changed);
            }
            await db.SaveChangesAsync(cancellationToken);
            return MediaOutcome.Ok(PublishedMediaFeedSubscriber.ToItem(row));
        }, cancellationToken);
    }

    /// <summary>The message of the error on <c>name</c> when a sibling folder already has the name (compared ignoring case).</summary>
    public const string DuplicateFolderName = "A folder with this name already exists in this folder.";

    /// <summary>Whether another folder under <paramref name="parentKey"/> has this name, ignoring case (siblings are few: compared in memory).</summary>
    private static async Task<bool> FolderNameTakenAsync(Persistence.HubDbContext db, Guid? parentKey, string name, Guid? except, CancellationToken cancellationToken)
    {
        var siblings = await db.MediaNodes.AsNoTracking().Where(m => m.ParentKey == parentKey && m.MediaType == FolderType && m.Key != except)
            .Select(m => m.Name).ToListAsync(cancellationToken);
        return siblings.Any(n => string.Equals(n.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Deletes an item, or a folder with everything in it, files and cached variants included.</summary>
    public async Task<MediaOutcome> DeleteAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        var deleted = new List<Guid>();
        var outcome = await InTransactionAsync(async db =>
        {
            var row = await db.MediaNodes.FirstOrDefaultAsync(m => m.Key == key, cancellationToken);
            if (row is null)
            {
                return MediaOutcome.NotFound($"No media item with key {key}.");
            }
            var subtree = await db.MediaNodes.Where(m => m.Path.StartsWith(row.Path)).ToListAsync(cancellationToken);
            db.MediaNodes.RemoveRange(subtree);
            Audit(db, actor, "media-delete", key, subtree.Count > 1 ? $"'{row.Name}' and {subtree.Count - 1} items in it" : $"'{row.Name}'");
            foreach (var item in subtree)
            {
                Feed(db, MediaChangeKind.Deleted, item.Key);
                deleted.Add(item.Key);
            }
            await db.SaveChangesAsync(cancellationToken);
            return MediaOutcome.Ok(null);
        }, cancellationToken);
        if (outcome.Succeeded)
        {
            foreach (var item in deleted)
            {
                TryDeleteFolder(Path.Combine(_paths.MediaPath, item.ToString("N")));
                TryDeleteFolder(MediaVariantCache.FolderOf(_paths, item));
            }
        }
        return outcome;
    }
}
