using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PoleKnowledge.Cms.Persistence;

/// <summary>Creates the provider-specific context chosen by configuration (<see cref="Hosting.HubOptions.DatabaseProvider"/>).</summary>
public sealed class HubDbContextFactory
{
    private readonly Func<HubDbContext> _create;

    public HubDbContextFactory(Hosting.HubOptions options, IEnumerable<IInterceptor> interceptors)
    {
        var list = interceptors.ToArray();
        if (options.IsPostgres)
        {
            var builder = new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql(options.ConnectionString);
            if (list.Length > 0)
            {
                builder.AddInterceptors(list);
            }
            var built = builder.Options;
            _create = () => new PostgresHubDbContext(built);
        }
        else
        {
            var builder = new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite(options.ConnectionString);
            if (list.Length > 0)
            {
                builder.AddInterceptors(list);
            }
            var built = builder.Options;
            _create = () => new SqliteHubDbContext(built);
        }
    }

    public HubDbContext CreateDbContext() => _create();
}
