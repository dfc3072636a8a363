using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PoleKnowledge.Extensions.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context SqlitePoleDbContext</c> build the context without the site.</summary>
internal sealed class SqlitePoleDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePoleDbContext>
{
    public SqlitePoleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePoleDbContext>().UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(PoleDbContext.MigrationsHistoryTable)).Options);
}

/// <summary>Design-time factory for the PostgreSQL pôle context (no connection is opened to add a migration).</summary>
internal sealed class PostgresPoleDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPoleDbContext>
{
    public PostgresPoleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPoleDbContext>().UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(PoleDbContext.MigrationsHistoryTable)).Options);
}
