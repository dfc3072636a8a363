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
            .Select(s => new SignUpView(s.Id, s.GroupKey, s.Status, s.Position, s.Email, s.Name, s.StructureName, s.Role, s.Category, s.Brings, s.Expects, s.CreatedUtc, s.EmailConfirmedUtc, s.AnonymisedUtc is not null))
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
}
