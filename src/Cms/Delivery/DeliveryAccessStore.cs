using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;

namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// The Delivery API access an administrator manages in the back office: a key generated here (shown once, only its
/// SHA-256 hash stored), its revocation, and the public-access switch. Saved in the <c>Setting</c> table and applied
/// at once to <see cref="DeliveryOptions.Stored"/> on this node; <see cref="DeliveryAccessRefresher"/> reloads it on
/// every node at start and every <see cref="RefreshInterval"/>.
/// </summary>
public sealed class DeliveryAccessStore(HubDbContextFactory contexts, DeliveryOptions options, TimeProvider time)
{
    public const string KeyPrefix = "pdk_";
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private const string KeyHashSetting = "delivery.api-key-hash";
    private const string KeyPrefixSetting = "delivery.api-key-prefix";
    private const string PublicAccessSetting = "delivery.public-access";

    /// <summary>Reads the stored settings and applies them.</summary>
    public async Task<DeliveryAccessOverride> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Settings.AsNoTracking().Where(s => s.Name.StartsWith("delivery.")).ToDictionaryAsync(s => s.Name, cancellationToken);
        var hash = rows.GetValueOrDefault(KeyHashSetting);
        var access = rows.GetValueOrDefault(PublicAccessSetting)?.Value;
        var stored = new DeliveryAccessOverride(
            hash?.Value ?? (hash is null ? null : ""), rows.GetValueOrDefault(KeyPrefixSetting)?.Value, hash?.UpdateDateUtc,
            access is null ? null : string.Equals(access, "true", StringComparison.Ordinal));
        options.Stored = stored;
        return stored;
    }

    /// <summary>Generates a new key, replacing any previous one at once, and returns it (the only time it is readable).</summary>
    public async Task<string> GenerateKeyAsync(string actor, CancellationToken cancellationToken = default)
    {
        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await SaveAsync(actor, "delivery-key-set", key[..10], cancellationToken, (KeyHashSetting, Hash(key)), (KeyPrefixSetting, key[..10]));
        return key;
    }

    /// <summary>Revokes the key: no key is valid any more, including one set in configuration, until a new one is generated.</summary>
    public Task RevokeKeyAsync(string actor, CancellationToken cancellationToken = default) =>
        SaveAsync(actor, "delivery-key-revoke", null, cancellationToken, (KeyHashSetting, ""), (KeyPrefixSetting, null));

    /// <summary>Sets public access, or (null) hands the decision back to configuration.</summary>
    public Task SetPublicAccessAsync(bool? publicAccess, string actor, CancellationToken cancellationToken = default) =>
        SaveAsync(actor, "delivery-access", publicAccess switch { true => "publique", false => "avec clé", null => "configuration" }, cancellationToken,
            (PublicAccessSetting, publicAccess switch { true => "true", false => "false", null => null }));

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Writes settings (a null value deletes the row) with an audit row, then reloads.</summary>
    private async Task SaveAsync(string actor, string action, string? detail, CancellationToken cancellationToken, params (string Name, string? Value)[] values)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = contexts.CreateDbContext())
        {
            foreach (var (name, value) in values)
            {
                var row = await db.Settings.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
                if (value is null)
                {
                    if (row is not null)
                    {
                        db.Settings.Remove(row);
                    }
                    continue;
                }
                if (row is null)
                {
                    db.Settings.Add(row = new SettingEntity { Name = name });
                }
                row.Value = value;
                row.UpdateDateUtc = now;
                row.UpdatedBy = actor;
            }
            db.AuditEntries.Add(new AuditEntity { DateUtc = now, Actor = actor, Action = action, Detail = detail });
            await db.SaveChangesAsync(cancellationToken);
        }
        await LoadAsync(cancellationToken);
    }
}
