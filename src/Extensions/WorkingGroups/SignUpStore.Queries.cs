using Microsoft.EntityFrameworkCore;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>Reads for editors, exports and the concertation rule.</summary>
public sealed partial class SignUpStore
{
    public async Task<IReadOnlyList<SignUpView>> ListAsync(Guid groupKey, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.SignUps.AsNoTracking().Where(s => s.GroupKey == groupKey).ToListAsync(cancellationToken);
        return rows.OrderBy(s => s.Status).ThenBy(s => s.Position).ThenBy(s => s.CreatedUtc)
            .Select(s => new SignUpView(s.Id, s.GroupKey, s.Status, s.Position, s.Email, s.Name, s.StructureName, s.Role, s.Category, s.Brings, s.Expects, s.CreatedUtc, s.EmailConfirmedUtc, s.AnonymisedUtc is not null) { StatusChangedUtc = s.StatusChangedUtc })
            .ToList();
    }

    /// <summary>Confirmed participants per category: the balance an editor of a concertation looks at.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ConfirmedByCategoryAsync(Guid groupKey, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.SignUps.AsNoTracking().Where(s => s.GroupKey == groupKey && s.Status == SignUpStatus.Confirmed)
            .GroupBy(s => s.Category ?? "").Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal);
    }

    /// <summary>Counts per group for the editors' list, in one query; a pending sign-up whose link expired is not counted.</summary>
    public async Task<IReadOnlyDictionary<Guid, SignUpCounts>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = LinkCutoff;
        await using var db = contexts.CreateDbContext();
        var rows = await db.SignUps.AsNoTracking()
            .Where(s => s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waiting || (s.Status == SignUpStatus.PendingEmail && s.StatusChangedUtc >= cutoff))
            .GroupBy(s => new { s.GroupKey, s.Status }).Select(g => new { g.Key.GroupKey, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.GroupKey).ToDictionary(g => g.Key, g => new SignUpCounts(
            g.Where(r => r.Status == SignUpStatus.Confirmed).Sum(r => r.Count),
            g.Where(r => r.Status == SignUpStatus.Waiting).Sum(r => r.Count),
            g.Where(r => r.Status == SignUpStatus.PendingEmail).Sum(r => r.Count)));
    }

    /// <summary>True when a pending sign-up's link has expired (editors see it as such).</summary>
    public bool IsExpired(SignUpView signUp) => signUp.Status == SignUpStatus.PendingEmail && signUp.StatusChangedUtc < LinkCutoff;
}
