using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Extensions.Persistence;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// Working-group sign-ups: double opt-in, seats up to the group's capacity then a waiting list in order of
/// confirmation, automatic promotion when a confirmed participant cancels. Every seat decision runs under
/// <see cref="GroupSeatLock"/>, so concurrent confirmations never overbook.
/// </summary>
public sealed partial class SignUpStore(PoleDbContextFactory contexts, WorkingGroupCatalog groups, GroupSeatLock seats, SignUpMailer mailer, SignUpOptions options, TimeProvider time, ILogger<SignUpStore> logger)
{
    private DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>A pending sign-up whose link was sent before this has expired: it takes no seat and its link no longer confirms.</summary>
    private DateTime LinkCutoff => UtcNow - options.ConfirmLinkLifetime;

    public async Task<SignUpOutcome> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        var group = groups.Find(request.GroupKey);
        if (group is null)
        {
            return new SignUpOutcome(SignUpResult.GroupNotFound);
        }
        if (!group.AcceptsSignUps)
        {
            return new SignUpOutcome(SignUpResult.GroupClosed, GroupKey: group.Key);
        }
        var email = request.Email.Trim().ToLowerInvariant();
        var confirmToken = SignUpTokens.New();
        var entity = new SignUpEntity
        {
            Id = Guid.NewGuid(),
            GroupKey = group.Key,
            Email = email,
            Name = request.Name.Trim(),
            StructureName = request.StructureName?.Trim(),
            Role = request.Role?.Trim(),
            Category = request.Category,
            Brings = request.Brings?.Trim(),
            Expects = request.Expects,
            Status = SignUpStatus.PendingEmail,
            ConfirmTokenHash = SignUpTokens.Hash(confirmToken),
            CreatedUtc = UtcNow,
            ConsentUtc = request.Consent ? UtcNow : null,
            StatusChangedUtc = UtcNow,
        };
        await using (var db = contexts.CreateDbContext())
        {
            var existing = await db.SignUps.FirstOrDefaultAsync(s => s.GroupKey == group.Key && s.Email == email && s.Status != SignUpStatus.Cancelled, cancellationToken);
            if (existing is { Status: SignUpStatus.PendingEmail } && existing.StatusChangedUtc < LinkCutoff)
            {
                // An earlier attempt whose link expired unused: it gives way to this one.
                db.SignUps.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
            }
            else if (existing is not null)
            {
                return new SignUpOutcome(SignUpResult.AlreadySignedUp, GroupKey: group.Key);
            }
            db.SignUps.Add(entity);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two posts of the same e-mail at once: the unique index keeps one.
                return new SignUpOutcome(SignUpResult.AlreadySignedUp, GroupKey: group.Key);
            }
        }
        if (request.EmailVerified)
        {
            return await AllocateAsync(entity.Id, group, request.BaseUrl, cancellationToken);
        }
        await mailer.SendOptInAsync(entity.Email, entity.Name, group, request.BaseUrl, confirmToken, cancellationToken);
        return new SignUpOutcome(SignUpResult.PendingEmail, entity.Id, group.Key);
    }

    /// <summary>The visitor clicked the double opt-in link: a seat, or a place on the waiting list.</summary>
    public async Task<SignUpOutcome> ConfirmEmailAsync(string token, string baseUrl, CancellationToken cancellationToken = default)
    {
        var hash = SignUpTokens.Hash(token);
        SignUpEntity? entity;
        await using (var db = contexts.CreateDbContext())
        {
            entity = await db.SignUps.AsNoTracking().FirstOrDefaultAsync(s => s.ConfirmTokenHash == hash, cancellationToken);
        }
        if (entity is null)
        {
            return new SignUpOutcome(SignUpResult.InvalidToken);
        }
        if (entity.Status != SignUpStatus.PendingEmail)
        {
            // A second click on the same link: say where the sign-up stands, change nothing.
            return new SignUpOutcome(Describe(entity.Status), entity.Id, entity.GroupKey, entity.Status == SignUpStatus.Waiting ? await WaitingRankAsync(entity, cancellationToken) : null);
        }
        if (entity.StatusChangedUtc < LinkCutoff)
        {
            return new SignUpOutcome(SignUpResult.LinkExpired, entity.Id, entity.GroupKey);
        }
        var group = groups.Find(entity.GroupKey);
        if (group is null)
        {
            return new SignUpOutcome(SignUpResult.GroupNotFound);
        }
        return await AllocateAsync(entity.Id, group, baseUrl, cancellationToken);
    }

    /// <summary>
    /// « Renvoyer le lien »: an expired confirmation link gets a fresh one, e-mailed to the address of the sign-up
    /// (never to one the requester types, so nothing can be learnt or redirected). The old link stops working, so
    /// each expired link resends once. A link still valid is not resent: it confirms.
    /// </summary>
    public async Task<SignUpOutcome> ResendConfirmationAsync(string token, string baseUrl, CancellationToken cancellationToken = default)
    {
        var hash = SignUpTokens.Hash(token);
        var newToken = SignUpTokens.New();
        SignUpEntity? entity;
        WorkingGroup? group;
        await using (var db = contexts.CreateDbContext())
        {
            entity = await db.SignUps.FirstOrDefaultAsync(s => s.ConfirmTokenHash == hash, cancellationToken);
            if (entity is null)
            {
                return new SignUpOutcome(SignUpResult.InvalidToken);
            }
            if (entity.Status != SignUpStatus.PendingEmail)
            {
                return new SignUpOutcome(Describe(entity.Status), entity.Id, entity.GroupKey);
            }
            if (entity.StatusChangedUtc >= LinkCutoff)
            {
                return new SignUpOutcome(SignUpResult.PendingEmail, entity.Id, entity.GroupKey);
            }
            group = groups.Find(entity.GroupKey);
            if (group is null || !group.AcceptsSignUps)
            {
                return new SignUpOutcome(group is null ? SignUpResult.GroupNotFound : SignUpResult.GroupClosed, entity.Id, entity.GroupKey);
            }
            entity.ConfirmTokenHash = SignUpTokens.Hash(newToken);
            entity.StatusChangedUtc = UtcNow;
            await db.SaveChangesAsync(cancellationToken);
        }
        await mailer.SendOptInAsync(entity.Email, entity.Name, group, baseUrl, newToken, cancellationToken);
        logger.LogInformation("Sign-up {SignUp}: expired confirmation link replaced and sent again.", entity.Id);
        return new SignUpOutcome(SignUpResult.LinkResent, entity.Id, group.Key);
    }

    private async Task<SignUpOutcome> AllocateAsync(Guid signUpId, WorkingGroup group, string baseUrl, CancellationToken cancellationToken)
    {
        var cancelToken = SignUpTokens.New();
        SignUpEntity entity;
        int? rank = null;
        await using (var db = contexts.CreateDbContext())
        {
            await using var lease = await seats.AcquireAsync(db, group.Key, cancellationToken);
            entity = await db.SignUps.SingleAsync(s => s.Id == signUpId, cancellationToken);
            if (entity.Status != SignUpStatus.PendingEmail)
            {
                return new SignUpOutcome(Describe(entity.Status), entity.Id, entity.GroupKey);
            }
            var confirmed = await db.SignUps.CountAsync(s => s.GroupKey == group.Key && s.Status == SignUpStatus.Confirmed, cancellationToken);
            var last = await db.SignUps.Where(s => s.GroupKey == group.Key).MaxAsync(s => (long?)s.Position, cancellationToken) ?? 0;
            entity.Position = last + 1;
            entity.EmailConfirmedUtc = UtcNow;
            entity.StatusChangedUtc = UtcNow;
            entity.CancelTokenHash = SignUpTokens.Hash(cancelToken);
            entity.Status = group.Capacity is not { } capacity || confirmed < capacity ? SignUpStatus.Confirmed : SignUpStatus.Waiting;
            await db.SaveChangesAsync(cancellationToken);
            if (entity.Status == SignUpStatus.Waiting)
            {
                rank = await db.SignUps.CountAsync(s => s.GroupKey == group.Key && s.Status == SignUpStatus.Waiting && s.Position <= entity.Position, cancellationToken);
            }
            await lease.CommitAsync(cancellationToken);
        }
        if (entity.Status == SignUpStatus.Confirmed)
        {
            await mailer.SendConfirmedAsync(entity.Email, entity.Name, group, baseUrl, cancelToken, promoted: false, cancellationToken);
            return new SignUpOutcome(SignUpResult.Confirmed, entity.Id, group.Key);
        }
        await mailer.SendWaitingAsync(entity.Email, entity.Name, group, baseUrl, cancelToken, rank!.Value, cancellationToken);
        return new SignUpOutcome(SignUpResult.Waiting, entity.Id, group.Key, rank);
    }

    /// <summary>Cancels by the link of the confirmation e-mail; a freed seat goes to the first on the waiting list, who is e-mailed.</summary>
    public async Task<SignUpOutcome> CancelAsync(string token, string baseUrl, CancellationToken cancellationToken = default)
    {
        var hash = SignUpTokens.Hash(token);
        Guid? id;
        Guid groupKey;
        await using (var db = contexts.CreateDbContext())
        {
            var found = await db.SignUps.AsNoTracking().Where(s => s.CancelTokenHash == hash).Select(s => new { s.Id, s.GroupKey }).FirstOrDefaultAsync(cancellationToken);
            id = found?.Id;
            groupKey = found?.GroupKey ?? Guid.Empty;
        }
        return id is null ? new SignUpOutcome(SignUpResult.InvalidToken) : await CancelByIdAsync(id.Value, groupKey, baseUrl, cancellationToken: cancellationToken);
    }

    /// <summary>Cancels a sign-up (also used by editors declining one) and promotes from the waiting list.</summary>
    public async Task<SignUpOutcome> CancelByIdAsync(Guid id, Guid groupKey, string baseUrl, SignUpStatus newStatus = SignUpStatus.Cancelled, CancellationToken cancellationToken = default)
    {
        var group = groups.Find(groupKey);
        SignUpEntity? promoted = null;
        string? promotedToken = null;
        await using (var db = contexts.CreateDbContext())
        {
            await using var lease = await seats.AcquireAsync(db, groupKey, cancellationToken);
            var entity = await db.SignUps.SingleAsync(s => s.Id == id, cancellationToken);
            if (entity.Status is SignUpStatus.Cancelled or SignUpStatus.Declined)
            {
                return new SignUpOutcome(SignUpResult.AlreadyCancelled, id, groupKey);
            }
            var freedSeat = entity.Status == SignUpStatus.Confirmed;
            entity.Status = newStatus;
            entity.StatusChangedUtc = UtcNow;
            entity.CancelTokenHash = null;
            entity.ConfirmTokenHash = null;
            await db.SaveChangesAsync(cancellationToken);
            var running = group is not null && group.Status != WorkingGroupStatus.Finished;
            if (freedSeat && running)
            {
                promoted = await db.SignUps.Where(s => s.GroupKey == groupKey && s.Status == SignUpStatus.Waiting).OrderBy(s => s.Position).FirstOrDefaultAsync(cancellationToken);
                if (promoted is not null)
                {
                    promotedToken = SignUpTokens.New();
                    promoted.Status = SignUpStatus.Confirmed;
                    promoted.StatusChangedUtc = UtcNow;
                    promoted.CancelTokenHash = SignUpTokens.Hash(promotedToken);
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            await lease.CommitAsync(cancellationToken);
        }
        if (promoted is not null && group is not null)
        {
            logger.LogInformation("Group {Group}: sign-up {SignUp} promoted from the waiting list.", groupKey, promoted.Id);
            await mailer.SendConfirmedAsync(promoted.Email, promoted.Name, group, baseUrl, promotedToken!, promoted: true, cancellationToken);
        }
        return new SignUpOutcome(SignUpResult.Cancelled, id, groupKey);
    }

    private async Task<int> WaitingRankAsync(SignUpEntity entity, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.SignUps.CountAsync(s => s.GroupKey == entity.GroupKey && s.Status == SignUpStatus.Waiting && s.Position <= entity.Position, cancellationToken);
    }

    private static SignUpResult Describe(SignUpStatus status) => status switch
    {
        SignUpStatus.Confirmed => SignUpResult.Confirmed,
        SignUpStatus.Waiting => SignUpResult.Waiting,
        SignUpStatus.PendingEmail => SignUpResult.PendingEmail,
        _ => SignUpResult.AlreadyCancelled,
    };
}
