using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Persistence;

namespace PoleKnowledge.Cms.ChangeFeed;

/// <summary>Reads the change feed in sequence order.</summary>
public sealed class ChangeFeedReader(HubDbContextFactory contexts)
{
    public async Task<IReadOnlyList<ChangeFeedEntry>> ReadAfterAsync(long sequence, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ChangeFeed.AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).Take(max)
            .Select(e => new ChangeFeedEntry(e.Sequence, e.DateUtc, e.Kind, e.NodeKey)).ToListAsync(cancellationToken);
    }

    public async Task<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ChangeFeed.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
    }
}
