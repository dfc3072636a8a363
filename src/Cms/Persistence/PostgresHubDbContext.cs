using Microsoft.EntityFrameworkCore;

namespace PoleKnowledge.Cms.Persistence;

/// <summary>The hub's database on PostgreSQL (scale-out); its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options)
{
    internal override bool IsPostgres => true;
}
