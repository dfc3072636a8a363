using Microsoft.EntityFrameworkCore;

namespace PoleKnowledge.Extensions.Persistence;

/// <summary>The pôle's tables on PostgreSQL; migrations in Persistence/Migrations/Postgres.</summary>
public sealed class PostgresPoleDbContext(DbContextOptions<PostgresPoleDbContext> options) : PoleDbContext(options)
{
    internal override bool IsPostgres => true;
}
