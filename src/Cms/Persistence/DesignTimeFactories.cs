using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PoleKnowledge.Cms.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without the site.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHubDbContext>
{
    public SqliteHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Design-time factory for the PostgreSQL context (no connection is opened to add a migration).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHubDbContext>
{
    public PostgresHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
