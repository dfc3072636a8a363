using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PoleKnowledge.Cms.Persistence.Entities;

namespace PoleKnowledge.Cms.Persistence;

/// <summary>
/// The hub's database. Provider-specific subclasses (<see cref="SqliteHubDbContext"/>,
/// <see cref="PostgresHubDbContext"/>) exist only so each provider has its own migrations.
/// </summary>
public abstract class HubDbContext : IdentityDbContext<BackOfficeUser>
{
    protected HubDbContext(DbContextOptions options) : base(options)
    {
    }

    internal DbSet<ContentNodeEntity> ContentNodes => Set<ContentNodeEntity>();
    internal DbSet<ContentVersionEntity> ContentVersions => Set<ContentVersionEntity>();
    internal DbSet<ContentCultureEntity> ContentCultures => Set<ContentCultureEntity>();
    internal DbSet<ContentPublicationEntity> ContentPublications => Set<ContentPublicationEntity>();
    internal DbSet<ContentScheduleEntity> ContentSchedules => Set<ContentScheduleEntity>();
    internal DbSet<RedirectEntity> Redirects => Set<RedirectEntity>();
    internal DbSet<AuditEntity> AuditEntries => Set<AuditEntity>();
    internal DbSet<ChangeFeedEntity> ChangeFeed => Set<ChangeFeedEntity>();
    internal DbSet<ConsumerCheckpointEntity> ConsumerCheckpoints => Set<ConsumerCheckpointEntity>();
    internal DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();
    internal DbSet<MediaNodeEntity> MediaNodes => Set<MediaNodeEntity>();
    internal DbSet<ContentBlueprintEntity> ContentBlueprints => Set<ContentBlueprintEntity>();
    internal DbSet<WebhookEntity> Webhooks => Set<WebhookEntity>();
    internal DbSet<WebhookDeliveryEntity> WebhookDeliveries => Set<WebhookDeliveryEntity>();
    internal DbSet<SettingEntity> Settings => Set<SettingEntity>();

    /// <summary>True on PostgreSQL, where feed appends take an advisory lock (see <see cref="ChangeFeed.ChangeFeedWriter"/>).</summary>
    internal abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ContentNodeEntity>(e =>
        {
            e.ToTable("ContentNode");
            e.HasKey(x => x.Key);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.ImportKey).HasMaxLength(200);
            e.Property(x => x.Path).HasMaxLength(4000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.ImportKey).IsUnique();
            e.HasIndex(x => new { x.ParentKey, x.SortOrder });
            e.HasIndex(x => x.Path);
        });
        builder.Entity<ContentVersionEntity>(e =>
        {
            e.ToTable("ContentVersion");
            e.HasKey(x => x.Id);
            e.Property(x => x.Author).HasMaxLength(256);
            e.HasIndex(x => new { x.NodeKey, x.Number }).IsUnique();
        });
        builder.Entity<ContentCultureEntity>(e =>
        {
            e.ToTable("ContentCulture");
            e.HasKey(x => x.Id);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(1000);
            e.Property(x => x.UrlSegment).HasMaxLength(200);
            e.HasIndex(x => new { x.NodeKey, x.Culture }).IsUnique();
            e.HasIndex(x => new { x.ParentKey, x.UrlSegment });
            // Picker search walks names in order and stops at a page of matches (see ContentStore.SearchForPickerAsync).
            e.HasIndex(x => new { x.Culture, x.Name });
        });
        builder.Entity<ContentPublicationEntity>(e =>
        {
            e.ToTable("ContentPublication");
            e.HasKey(x => x.Id);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(1000);
            e.Property(x => x.UrlSegment).HasMaxLength(200);
            e.HasIndex(x => new { x.NodeKey, x.Culture }).IsUnique();
        });
        builder.Entity<ContentScheduleEntity>(e =>
        {
            e.ToTable("ContentSchedule");
            e.HasKey(x => x.Id);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.Property(x => x.Action).HasMaxLength(20);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.HasIndex(x => x.DueUtc);
            e.HasIndex(x => x.NodeKey);
        });
        builder.Entity<RedirectEntity>(e =>
        {
            e.ToTable("Redirect");
            e.HasKey(x => x.Id);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.Property(x => x.Route).HasMaxLength(2000);
            e.HasIndex(x => new { x.Route, x.Culture }).IsUnique();
            e.HasIndex(x => x.NodeKey);
        });
        builder.Entity<AuditEntity>(e =>
        {
            e.ToTable("Audit");
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.Culture).HasMaxLength(20);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.HasIndex(x => x.DateUtc);
            e.HasIndex(x => x.NodeKey);
        });
        builder.Entity<ChangeFeedEntity>(e =>
        {
            e.ToTable("ChangeFeed");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedOnAdd();
            e.Property(x => x.Kind).HasMaxLength(30);
        });
        builder.Entity<ConsumerCheckpointEntity>(e =>
        {
            e.ToTable("ConsumerCheckpoint");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
        });
        builder.Entity<ApiTokenEntity>(e =>
        {
            e.ToTable("ApiToken");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Prefix).HasMaxLength(20);
            e.Property(x => x.Hash).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.Hash).IsUnique();
        });
        builder.Entity<ContentBlueprintEntity>(e =>
        {
            e.ToTable("ContentBlueprint");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.ContentType);
        });
        builder.Entity<MediaNodeEntity>(e =>
        {
            e.ToTable("MediaNode");
            e.HasKey(x => x.Key);
            e.Property(x => x.Name).HasMaxLength(500);
            e.Property(x => x.MediaType).HasMaxLength(100);
            e.Property(x => x.Path).HasMaxLength(4000);
            e.Property(x => x.FilePath).HasMaxLength(500);
            e.Property(x => x.Extension).HasMaxLength(10);
            e.Property(x => x.FocalLeft).HasPrecision(9, 6);
            e.Property(x => x.FocalTop).HasPrecision(9, 6);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.ParentKey, x.SortOrder });
            e.HasIndex(x => x.Path);
            e.HasIndex(x => x.Name);
        });
        builder.Entity<WebhookEntity>(e =>
        {
            e.ToTable("Webhook");
            e.HasKey(x => x.Key);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.Events).HasMaxLength(500);
            e.Property(x => x.ContentTypes).HasMaxLength(2000);
            e.Property(x => x.Secret).HasMaxLength(100);
        });
        builder.Entity<WebhookDeliveryEntity>(e =>
        {
            e.ToTable("WebhookDelivery");
            e.HasKey(x => x.Id);
            e.Property(x => x.Event).HasMaxLength(100);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.Response).HasMaxLength(2000);
            e.HasIndex(x => new { x.Status, x.NextAttemptUtc });
            e.HasIndex(x => new { x.WebhookKey, x.Id });
            e.HasIndex(x => x.CreateDateUtc);
        });
        builder.Entity<SettingEntity>(e =>
        {
            e.ToTable("Setting");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Value).HasMaxLength(2000);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });

        // Every date is UTC. SQLite hands DateTime back as Unspecified; mark it UTC on the way in so
        // nothing downstream (JSON "Z", PostgreSQL timestamptz) has to guess.
        var utc = new ValueConverter<DateTime, DateTime>(v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        var utcNullable = new ValueConverter<DateTime?, DateTime?>(v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(utc);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(utcNullable);
                }
            }
        }
    }
}
