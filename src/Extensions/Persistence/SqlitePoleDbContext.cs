using Microsoft.EntityFrameworkCore;

namespace PoleKnowledge.Extensions.Persistence;

/// <summary>The pôle's tables on SQLite; migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class SqlitePoleDbContext(DbContextOptions<SqlitePoleDbContext> options) : PoleDbContext(options)
{
    internal override bool IsPostgres => false;
}
