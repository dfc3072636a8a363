using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Persistence;

namespace PoleKnowledge.Cms.ChangeFeed;

/// <summary>
/// Keeps feed sequences in commit order. On SQLite writers are serialised by the database itself. On
/// PostgreSQL two transactions may take sequence numbers 10 and 11 and commit 11 first: a consumer that
/// read 11 would then never see 10. A transaction-scoped advisory lock taken before any feed append
/// makes writers append (and so commit) one at a time.
/// </summary>
internal static class ChangeFeedWriter
{
    private const long LockId = 7_342_001;

    public static async Task LockAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            // The lock serialises feed appends; the notification is delivered to listeners when the transaction commits.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockId}); SELECT pg_notify('{PostgresFeedListener.Channel}', '')", cancellationToken);
        }
    }
}
