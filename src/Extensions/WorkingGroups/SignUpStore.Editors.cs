using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Extensions.Persistence;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>What editors do to sign-ups beyond the automatic rules: decline with a message, move someone off the waiting list, write to participants.</summary>
public sealed partial class SignUpStore
{
    /// <summary>Declines a sign-up (the seat, if any, goes to the waiting list) and tells the person, with the editor's message.</summary>
    public async Task<SignUpOutcome> DeclineAsync(Guid id, Guid groupKey, string? message, string baseUrl, IMailSender mail, CancellationToken cancellationToken = default)
    {
        SignUpEntity? entity;
        await using (var db = contexts.CreateDbContext())
        {
            entity = await db.SignUps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.GroupKey == groupKey, cancellationToken);
        }
        if (entity is null)
        {
            return new SignUpOutcome(SignUpResult.InvalidToken);
        }
        var outcome = await CancelByIdAsync(id, groupKey, baseUrl, SignUpStatus.Declined, cancellationToken);
        if (outcome.Result == SignUpResult.Cancelled)
        {
            var group = groups.Find(groupKey);
            await mail.SendAsync(new OutgoingMail(entity.Email, $"Votre inscription : {group?.Name}", $"""
                Bonjour {entity.Name},

                Votre inscription au groupe de travail « {group?.Name} » n'a pas pu être retenue.
                {(string.IsNullOrWhiteSpace(message) ? "" : "\nMessage de l'équipe du pôle :\n" + message.Trim() + "\n")}
                Le pôle ESS du Pays de Rennes
                """), cancellationToken);
        }
        return outcome;
    }

    /// <summary>An editor moves a waiting person to a seat (even beyond capacity: the editor decides); they are e-mailed like a promotion.</summary>
    public async Task<SignUpOutcome> PromoteAsync(Guid id, Guid groupKey, string baseUrl, CancellationToken cancellationToken = default)
    {
        var group = groups.Find(groupKey);
        if (group is null)
        {
            return new SignUpOutcome(SignUpResult.GroupNotFound);
        }
        var token = SignUpTokens.New();
        SignUpEntity? entity;
        await using (var db = contexts.CreateDbContext())
        {
            await using var lease = await seats.AcquireAsync(db, groupKey, cancellationToken);
            entity = await db.SignUps.FirstOrDefaultAsync(s => s.Id == id && s.GroupKey == groupKey, cancellationToken);
            if (entity is null || entity.Status != SignUpStatus.Waiting)
            {
                return new SignUpOutcome(entity is null ? SignUpResult.InvalidToken : SignUpResult.NotWaiting, id, groupKey);
            }
            entity.Status = SignUpStatus.Confirmed;
            entity.StatusChangedUtc = UtcNow;
            entity.CancelTokenHash = SignUpTokens.Hash(token);
            await db.SaveChangesAsync(cancellationToken);
            await lease.CommitAsync(cancellationToken);
        }
        await mailer.SendConfirmedAsync(entity.Email, entity.Name, group, baseUrl, token, promoted: true, cancellationToken);
        return new SignUpOutcome(SignUpResult.Confirmed, id, groupKey);
    }

    /// <summary>Writes to the confirmed participants (and the waiting list when asked); returns how many were e-mailed.</summary>
    public async Task<int> EmailParticipantsAsync(Guid groupKey, string subject, string message, bool includeWaiting, IMailSender mail, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var recipients = await db.SignUps.AsNoTracking()
            .Where(s => s.GroupKey == groupKey && s.AnonymisedUtc == null && (s.Status == SignUpStatus.Confirmed || (includeWaiting && s.Status == SignUpStatus.Waiting)))
            .Select(s => new { s.Email, s.Name }).ToListAsync(cancellationToken);
        foreach (var recipient in recipients)
        {
            await mail.SendAsync(new OutgoingMail(recipient.Email, subject, $"Bonjour {recipient.Name},\n\n{message.Trim()}\n\nLe pôle ESS du Pays de Rennes\n") { ToName = recipient.Name }, cancellationToken);
        }
        return recipients.Count;
    }
}
