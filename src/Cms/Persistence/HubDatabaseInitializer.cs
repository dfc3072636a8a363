using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PoleKnowledge.Cms.Persistence;

/// <summary>Applies pending migrations at start (and turns on SQLite's WAL so the CLI and the site can share the file).</summary>
public sealed class HubDatabaseInitializer(HubDbContextFactory contexts, ILogger<HubDatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        if (!db.IsPostgres)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations: {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
