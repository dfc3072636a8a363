using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PoleKnowledge.Extensions.Persistence;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// Serialises seat allocation per group, so "count the confirmed, then confirm or queue" cannot overbook.
/// PostgreSQL: a transaction-scoped advisory lock keyed by the group, which holds across web nodes.
/// SQLite: one node owns the file, so an in-process semaphore per group, inside a <c>BEGIN IMMEDIATE</c>
/// transaction (Microsoft.Data.Sqlite's default), which also keeps a CLI process from writing between.
/// </summary>
public sealed class GroupSeatLock
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _local = new();

    internal async Task<Lease> AcquireAsync(PoleDbContext db, Guid groupKey, CancellationToken cancellationToken)
    {
        var semaphore = _local.GetOrAdd(groupKey, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.IsPostgres)
            {
                var lockKey = BitConverter.ToInt64(groupKey.ToByteArray(), 0);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", cancellationToken);
            }
            return new Lease(transaction, semaphore);
        }
        catch
        {
            semaphore.Release();
            throw;
        }
    }

    internal sealed class Lease(IDbContextTransaction transaction, SemaphoreSlim semaphore) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            semaphore.Release();
        }
    }
}
