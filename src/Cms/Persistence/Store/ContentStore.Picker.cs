using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Persistence.Store;

public sealed partial class ContentStore
{
    /// <summary>
    /// Content picker search over the whole site, drafts included, trashed items excluded. Ordered by name over the
    /// <c>(Culture, Name)</c> index and limited to a page (plus one, to tell whether more follow), so the database can
    /// walk the index and stop early for a common word; a rare word reads the whole index. (Plan not yet measured
    /// at scale.) Returns the page and whether more results follow.
    /// </summary>
    public async Task<(IReadOnlyList<PickerCandidate> Items, bool HasMore)> SearchForPickerAsync(PickerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = _contexts.CreateDbContext();
        var defaultCulture = _schema.DefaultCulture;
        var cultures = db.ContentCultures.AsNoTracking().Where(c => c.Culture == "" || c.Culture == defaultCulture);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = "%" + EscapeLike(query.Text.Trim().ToLowerInvariant()) + "%";
            cultures = cultures.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern, "\\"));
        }
        var nodes = db.ContentNodes.AsNoTracking().Where(n => !n.Trashed);
        if (query.Types.Count > 0)
        {
            var types = query.Types;
            nodes = nodes.Where(n => types.Contains(n.ContentType));
        }
        var take = Math.Clamp(query.Take, 1, PickerQuery.MaxTake);
        var rows = await (from c in cultures
                          join n in nodes on c.NodeKey equals n.Key
                          orderby c.Name, c.NodeKey
                          select new PickerCandidate(n.Key, c.Name, n.ContentType))
            .Skip(Math.Max(0, query.Skip)).Take(take + 1).ToListAsync(cancellationToken);
        return (rows.Count > take ? rows[..take] : rows, rows.Count > take);
    }

    /// <summary>Names and types of given keys (the items a picker already holds, whatever page they are on).</summary>
    public async Task<IReadOnlyList<PickerCandidate>> GetPickerCandidatesAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        await using var db = _contexts.CreateDbContext();
        var defaultCulture = _schema.DefaultCulture;
        var rows = await (from n in db.ContentNodes.AsNoTracking()
                          join c in db.ContentCultures.AsNoTracking() on n.Key equals c.NodeKey
                          where keys.Contains(n.Key) && (c.Culture == "" || c.Culture == defaultCulture)
                          select new PickerCandidate(n.Key, c.Name, n.ContentType)).ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>Escapes LIKE wildcards so "50%" or "a_b" match literally.</summary>
    internal static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
