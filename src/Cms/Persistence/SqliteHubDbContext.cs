using Microsoft.EntityFrameworkCore;

namespace PoleKnowledge.Cms.Persistence;

/// <summary>The hub's database on SQLite (the embedded default); its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteHubDbContext(DbContextOptions<SqliteHubDbContext> options) : HubDbContext(options)
{
    internal override bool IsPostgres => false;
}
