using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Persistence.Store;

namespace PoleKnowledge.Cms.Media;

public sealed partial class MediaStore
{
    /// <summary>
    /// Media picker search over the whole library (folders excluded): walks the <c>Name</c> index in order and
    /// stops after a page of matches. Returns the page and whether more results follow.
    /// </summary>
    public async Task<(IReadOnlyList<PickerCandidate> Items, bool HasMore)> SearchForPickerAsync(PickerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = _contexts.CreateDbContext();
        var rows = db.MediaNodes.AsNoTracking().Where(m => m.MediaType != "folder");
        if (query.Types.Count > 0)
        {
            var types = query.Types;
            rows = rows.Where(m => types.Contains(m.MediaType));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = "%" + ContentStore.EscapeLike(query.Text.Trim().ToLowerInvariant()) + "%";
            rows = rows.Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, "\\"));
        }
        var take = Math.Clamp(query.Take, 1, PickerQuery.MaxTake);
        var page = await rows.OrderBy(m => m.Name).ThenBy(m => m.Key).Skip(Math.Max(0, query.Skip)).Take(take + 1)
            .Select(m => new PickerCandidate(m.Key, m.Name, m.MediaType)).ToListAsync(cancellationToken);
        return (page.Count > take ? page[..take] : page, page.Count > take);
    }

    /// <summary>Every folder (key, parent, name): the targets of a move, arranged as a tree by the caller. Folders are few.</summary>
    public async Task<IReadOnlyList<(Guid Key, Guid? ParentKey, string Name)>> ListFoldersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var rows = await db.MediaNodes.AsNoTracking().Where(m => m.MediaType == FolderType).Select(m => new { m.Key, m.ParentKey, m.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Key, r.ParentKey, r.Name))];
    }
}
