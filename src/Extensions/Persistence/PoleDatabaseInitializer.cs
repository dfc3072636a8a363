using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PoleKnowledge.Extensions.Persistence;

/// <summary>Applies the pôle's pending migrations; runs at start-up after the hub's own (<c>HubDatabaseInitializer</c>).</summary>
public sealed class PoleDatabaseInitializer(PoleDbContextFactory contexts, ILogger<PoleDatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} pôle migrations: {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
