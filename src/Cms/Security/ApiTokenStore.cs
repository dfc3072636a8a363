using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;

namespace PoleKnowledge.Cms.Security;

/// <summary>
/// Bearer tokens for the management API: random 256-bit secrets shown once at creation; only their
/// SHA-256 hash is stored (a leaked database does not leak usable tokens), named and revocable.
/// </summary>
public sealed class ApiTokenStore(HubDbContextFactory contexts, TimeProvider time)
{
    public const string Prefix = "pk_";

    /// <summary>How long a validated token is trusted without asking the database (a revocation on another node takes at most this long).</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Name, DateTimeOffset Until)> _validated = new(StringComparer.Ordinal);

    /// <summary>Creates a token and returns its secret (the only time it is available).</summary>
    public async Task<(long Id, string Token)> CreateAsync(string name, string? createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = contexts.CreateDbContext();
        var entity = new ApiTokenEntity { Name = name.Trim(), Prefix = token[..10], Hash = Hash(token), CreateDateUtc = time.GetUtcNow().UtcDateTime, CreatedBy = createdBy };
        db.ApiTokens.Add(entity);
        db.AuditEntries.Add(new AuditEntity { DateUtc = entity.CreateDateUtc, Actor = createdBy ?? "cli", Action = "api-token-create", Detail = entity.Name });
        await db.SaveChangesAsync(cancellationToken);
        return (entity.Id, token);
    }

    /// <summary>The name of the active token with this secret, or null.</summary>
    public async Task<string?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var now = time.GetUtcNow();
        if (_validated.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Name;
        }
        await using var db = contexts.CreateDbContext();
        var entity = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokeDateUtc == null, cancellationToken);
        if (entity is null)
        {
            return null;
        }
        if (entity.LastUseDateUtc is null || now.UtcDateTime - entity.LastUseDateUtc > TimeSpan.FromMinutes(5))
        {
            entity.LastUseDateUtc = now.UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        _validated[hash] = (entity.Name, now + CacheFor);
        return entity.Name;
    }

    public async Task<bool> RevokeAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var entity = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.RevokeDateUtc == null, cancellationToken);
        if (entity is null)
        {
            return false;
        }
        entity.RevokeDateUtc = time.GetUtcNow().UtcDateTime;
        _validated.Clear();
        db.AuditEntries.Add(new AuditEntity { DateUtc = entity.RevokeDateUtc.Value, Actor = actor, Action = "api-token-revoke", Detail = entity.Name });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new ApiTokenInfo(t.Id, t.Name, t.Prefix, t.CreateDateUtc, t.RevokeDateUtc, t.LastUseDateUtc)).ToListAsync(cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
