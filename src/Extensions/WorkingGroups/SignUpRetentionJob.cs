using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.Persistence;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// Applies retention: sign-ups of groups that ended more than <see cref="SignUpRetentionOptions.RetentionMonths"/>
/// ago are anonymised (or deleted), and form entries older than their form's <c>retentionDays</c> are deleted
/// with their files. Each action is written to <c>PoleRetentionLog</c> and the log. On PostgreSQL one node runs
/// it at a time (advisory lock).
/// </summary>
public sealed class SignUpRetentionJob(PoleDbContextFactory contexts, WorkingGroupCatalog groups, FormCatalog forms, FormEntryStore entries,
    SignUpRetentionOptions options, SignUpOptions links, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SignUpRetentionJob> logger) : BackgroundService
{
    private const long AdvisoryLockKey = 0x506f6c6552657431; // "PoleRet1"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RunOnSchedule)
        {
            return;
        }
        // The tables exist once start-up has migrated the database (FirstRunSetup runs after this service is created).
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(options.Interval.Ticks, TimeSpan.FromMinutes(1).Ticks, TimeSpan.FromDays(49).Ticks)), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or DbUpdateException or InvalidOperationException or IOException)
            {
                logger.LogError(exception, "Retention run failed; it runs again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns the number of sign-ups and entries handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres && !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(cancellationToken))
        {
            return 0;
        }
        var handled = 0;
        var groupKeys = await db.SignUps.Where(s => s.AnonymisedUtc == null).Select(s => s.GroupKey).Distinct().ToListAsync(cancellationToken);
        foreach (var groupKey in groupKeys)
        {
            var group = groups.Find(groupKey);
            // A group no longer published ends, for retention, with its last sign-up activity.
            var end = group?.PeriodEnd?.UtcDateTime
                ?? await db.SignUps.Where(s => s.GroupKey == groupKey).MaxAsync(s => s.StatusChangedUtc, cancellationToken);
            if (end.AddMonths(options.RetentionMonths) > now)
            {
                continue;
            }
            var rows = await db.SignUps.Where(s => s.GroupKey == groupKey && s.AnonymisedUtc == null).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (options.Deletes)
                {
                    db.SignUps.Remove(row);
                    continue;
                }
                row.Email = $"anonyme-{row.Id:N}@invalid";
                row.Name = "Anonyme";
                row.Role = null;
                row.Brings = null;
                row.Expects = null;
                row.ConfirmTokenHash = null;
                row.CancelTokenHash = null;
                row.AnonymisedUtc = now;
            }
            var action = options.Deletes ? "deleted" : "anonymised";
            db.RetentionLog.Add(new RetentionLogEntity { RunUtc = now, Scope = $"group:{groupKey}", Action = action, Count = rows.Count });
            logger.LogInformation("Retention: {Count} sign-ups of group {Group} ({Name}) {Action}; the group ended {End:yyyy-MM-dd}.", rows.Count, groupKey, group?.Name ?? "unpublished", action, end);
            handled += rows.Count;
        }
        // Unconfirmed sign-ups whose link expired (and the grace for « Renvoyer le lien » passed): an address
        // typed by someone, never confirmed by its owner, is not kept.
        var staleBefore = now - links.ConfirmLinkLifetime - links.ExpiredPendingKept;
        var stale = await db.SignUps.Where(s => s.Status == SignUpStatus.PendingEmail && s.StatusChangedUtc < staleBefore).ToListAsync(cancellationToken);
        if (stale.Count > 0)
        {
            db.SignUps.RemoveRange(stale);
            db.RetentionLog.Add(new RetentionLogEntity { RunUtc = now, Scope = "sign-ups:unconfirmed", Action = "deleted", Count = stale.Count });
            logger.LogInformation("Retention: {Count} unconfirmed sign-ups with an expired link deleted.", stale.Count);
            handled += stale.Count;
        }
        var deletedFolders = new List<Guid>();
        foreach (var form in forms.All)
        {
            var cutoff = now.AddDays(-form.RetentionDays);
            var old = await db.FormEntries.Where(e => e.FormAlias == form.Alias && e.CreatedUtc < cutoff).ToListAsync(cancellationToken);
            if (old.Count == 0)
            {
                continue;
            }
            db.FormEntries.RemoveRange(old);
            deletedFolders.AddRange(old.Select(e => e.Id));
            db.RetentionLog.Add(new RetentionLogEntity { RunUtc = now, Scope = $"form:{form.Alias}", Action = "deleted", Count = old.Count });
            logger.LogInformation("Retention: {Count} entries of form {Form} older than {Days} days deleted.", old.Count, form.Alias, form.RetentionDays);
            handled += old.Count;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var folder in deletedFolders.Select(id => Path.Combine(entries.FilesRoot, id.ToString("N"))).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
        return handled;
    }
}
