using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Extensions.Persistence;

/// <summary>
/// The pôle's own tables (member accounts and their structures, form entries, working-group sign-ups, the
/// retention log), on the hub's database
/// connection but with their own migrations and history table (<c>__PoleMigrationsHistory</c>), so the
/// engine's <c>HubDbContext</c> and its migrations stay untouched. Provider-specific subclasses exist only
/// so each provider has its own migrations.
/// </summary>
public abstract class PoleDbContext : IdentityUserContext<PoleMember>
{
    public const string MigrationsHistoryTable = "__PoleMigrationsHistory";

    protected PoleDbContext(DbContextOptions options) : base(options)
    {
    }

    internal DbSet<FormEntryEntity> FormEntries => Set<FormEntryEntity>();
    internal DbSet<SignUpEntity> SignUps => Set<SignUpEntity>();
    internal DbSet<RetentionLogEntity> RetentionLog => Set<RetentionLogEntity>();
    internal DbSet<StructureMembershipEntity> StructureMemberships => Set<StructureMembershipEntity>();
    internal DbSet<StructureInvitationEntity> StructureInvitations => Set<StructureInvitationEntity>();

    /// <summary>True on PostgreSQL, where seat allocation takes an advisory lock per group.</summary>
    internal abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var modelBuilder = builder;
        // Members' tables are named apart from the back office's AspNet* tables in the same database.
        modelBuilder.Entity<PoleMember>(e =>
        {
            e.ToTable("PoleMember");
            e.Property(x => x.DisplayName).HasMaxLength(200);
            // Index names are database-wide (SQLite, PostgreSQL): Identity's defaults are the back office's already.
            e.HasIndex(x => x.NormalizedUserName).HasDatabaseName("PoleMemberUserNameIndex");
            e.HasIndex(x => x.NormalizedEmail).HasDatabaseName("PoleMemberEmailIndex");
        });
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("PoleMemberClaim");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("PoleMemberLogin");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("PoleMemberToken");
        if (modelBuilder.Model.FindEntityType(typeof(IdentityUserPasskey<string>)) is not null)
        {
            modelBuilder.Entity<IdentityUserPasskey<string>>().ToTable("PoleMemberPasskey");
        }
        modelBuilder.Entity<StructureMembershipEntity>(e =>
        {
            e.ToTable("PoleStructureMember");
            e.HasKey(x => x.Id);
            e.Property(x => x.MemberId).HasMaxLength(450);
            e.HasIndex(x => new { x.StructureKey, x.MemberId }).IsUnique();
            e.HasIndex(x => x.MemberId);
        });
        modelBuilder.Entity<StructureInvitationEntity>(e =>
        {
            e.ToTable("PoleStructureInvitation");
            e.HasKey(x => x.Id);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.InvitedBy).HasMaxLength(450);
            e.HasIndex(x => x.TokenHash).IsUnique();
        });
        modelBuilder.Entity<FormEntryEntity>(e =>
        {
            e.ToTable("PoleFormEntry");
            e.HasKey(x => x.Id);
            e.Property(x => x.FormAlias).HasMaxLength(100);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.HasIndex(x => new { x.FormAlias, x.CreatedUtc });
        });
        modelBuilder.Entity<SignUpEntity>(e =>
        {
            e.ToTable("PoleSignUp");
            e.HasKey(x => x.Id);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.StructureName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(200);
            e.Property(x => x.Category).HasMaxLength(50);
            e.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
            e.Property(x => x.CancelTokenHash).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<int>();
            // One live sign-up per e-mail and group; a cancelled one does not block signing up again.
            e.HasIndex(x => new { x.GroupKey, x.Email }).IsUnique().HasFilter("\"Status\" <> 3");
            e.HasIndex(x => new { x.GroupKey, x.Status, x.Position });
            e.HasIndex(x => x.ConfirmTokenHash);
            e.HasIndex(x => x.CancelTokenHash);
        });
        modelBuilder.Entity<RetentionLogEntity>(e =>
        {
            e.ToTable("PoleRetentionLog");
            e.HasKey(x => x.Id);
            e.Property(x => x.Scope).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(20);
        });
    }
}
