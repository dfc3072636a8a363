using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PoleKnowledge.Cms.Hosting;

namespace PoleKnowledge.Extensions.Persistence;

/// <summary>Creates the provider-specific pôle context on the hub's connection string (<see cref="HubOptions"/>).</summary>
public sealed class PoleDbContextFactory
{
    private readonly Func<PoleDbContext> _create;

    public PoleDbContextFactory(HubOptions options, IEnumerable<IInterceptor> interceptors)
    {
        var list = interceptors.ToArray();
        if (options.IsPostgres)
        {
            var builder = new DbContextOptionsBuilder<PostgresPoleDbContext>()
                .UseNpgsql(options.ConnectionString, o => o.MigrationsHistoryTable(PoleDbContext.MigrationsHistoryTable));
            if (list.Length > 0)
            {
                builder.AddInterceptors(list);
            }
            var built = builder.Options;
            _create = () => new PostgresPoleDbContext(built);
        }
        else
        {
            var builder = new DbContextOptionsBuilder<SqlitePoleDbContext>()
                .UseSqlite(options.ConnectionString, o => o.MigrationsHistoryTable(PoleDbContext.MigrationsHistoryTable));
            if (list.Length > 0)
            {
                builder.AddInterceptors(list);
            }
            var built = builder.Options;
            _create = () => new SqlitePoleDbContext(built);
        }
    }

    public PoleDbContext CreateDbContext() => _create();
}
