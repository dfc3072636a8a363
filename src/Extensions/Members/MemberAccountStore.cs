using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Extensions.Persistence;
using PoleKnowledge.Extensions.WorkingGroups;

namespace PoleKnowledge.Extensions.Members;

/// <summary>
/// Member accounts: registration with e-mail confirmation, sign-in checks, the GDPR export of everything held
/// about a member, and deletion (personal data removed; a structure profile nobody else manages is withdrawn).
/// </summary>
public sealed partial class MemberAccountStore(UserManager<PoleMember> users, PoleDbContextFactory contexts, StructureProfileStore structures, IMailSender mail, TimeProvider time, ILogger<MemberAccountStore> logger)
{
    private const string TokenProvider = "Pole";
    private const string EmailConfirmationToken = "EmailConfirmation";

    public async Task<IdentityResult> RegisterAsync(string email, string password, string displayName, string baseUrl, CancellationToken cancellationToken = default)
    {
        var member = new PoleMember { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(), CreatedUtc = time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(member, password);
        if (result.Succeeded)
        {
            // Our own token, not Identity's token providers: their names and options are global, shared with the back office's users.
            var token = SignUpTokens.New();
            await users.SetAuthenticationTokenAsync(member, TokenProvider, EmailConfirmationToken, SignUpTokens.Hash(token));
            var link = $"{baseUrl.TrimEnd('/')}{MemberAuthentication.Area}/confirmer?id={Uri.EscapeDataString(member.Id)}&jeton={Uri.EscapeDataString(token)}";
            await mail.SendAsync(new OutgoingMail(member.Email, "Confirmez votre compte membre du pôle ESS", $"""
                Bonjour {member.DisplayName},

                Pour activer votre compte membre du pôle ESS du Pays de Rennes, confirmez votre adresse :

                {link}

                Sans confirmation, le compte ne permet pas de se connecter.
                """) { ToName = member.DisplayName }, cancellationToken);
        }
        return result;
    }

    public async Task<bool> ConfirmEmailAsync(string memberId, string token)
    {
        var member = await users.FindByIdAsync(memberId);
        if (member is null || await users.GetAuthenticationTokenAsync(member, TokenProvider, EmailConfirmationToken) is not { } expected
            || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(SignUpTokens.Hash(token))))
        {
            return false;
        }
        member.EmailConfirmed = true;
        await users.UpdateAsync(member);
        await users.RemoveAuthenticationTokenAsync(member, TokenProvider, EmailConfirmationToken);
        return true;
    }

    /// <summary>The member when the password is right, the e-mail confirmed and the account not locked out.</summary>
    public async Task<(PoleMember? Member, string? Problem)> CheckSignInAsync(string email, string password)
    {
        var member = await users.FindByEmailAsync(email.Trim());
        if (member is null)
        {
            return (null, "Adresse ou mot de passe incorrect.");
        }
        if (await users.IsLockedOutAsync(member))
        {
            return (null, "Trop d'essais : le compte est bloqué quelques minutes.");
        }
        if (!await users.CheckPasswordAsync(member, password))
        {
            await users.AccessFailedAsync(member);
            return (null, "Adresse ou mot de passe incorrect.");
        }
        if (!member.EmailConfirmed)
        {
            return (null, "Confirmez d'abord votre adresse : ouvrez le lien reçu par e-mail.");
        }
        await users.ResetAccessFailedCountAsync(member);
        return (member, null);
    }

    /// <summary>Everything held about the member, as JSON: account, structures managed, working-group sign-ups under the same e-mail.</summary>
    public async Task<byte[]> ExportAsync(PoleMember member, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var email = (member.Email ?? "").ToLowerInvariant();
        var memberships = await db.StructureMemberships.AsNoTracking().Where(m => m.MemberId == member.Id).ToListAsync(cancellationToken);
        var signUps = await db.SignUps.AsNoTracking().Where(s => s.Email == email).ToListAsync(cancellationToken);
        var export = new
        {
            exportedUtc = time.GetUtcNow().UtcDateTime,
            account = new { member.Id, member.Email, member.DisplayName, member.EmailConfirmed, member.CreatedUtc },
            structures = memberships.Select(m => new { key = m.StructureKey, name = structures.NameOf(m.StructureKey), role = m.IsOwner ? "propriétaire" : "gestionnaire", m.CreatedUtc }),
            workingGroupSignUps = signUps.Select(s => new { s.GroupKey, status = s.Status.ToString(), s.Name, s.StructureName, s.Role, s.Category, s.Brings, s.Expects, s.CreatedUtc, s.ConsentUtc }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
    }

    /// <summary>
    /// Deletes the account. Sign-ups under its e-mail are anonymised; a structure profile stays published only
    /// if another member manages it (otherwise it is withdrawn from the directory and sent to the recycle bin).
    /// </summary>
    public async Task DeleteAsync(PoleMember member, CancellationToken cancellationToken = default)
    {
        var email = (member.Email ?? "").ToLowerInvariant();
        List<Guid> orphaned;
        await using (var db = contexts.CreateDbContext())
        {
            var memberships = await db.StructureMemberships.Where(m => m.MemberId == member.Id).ToListAsync(cancellationToken);
            var keys = memberships.Select(m => m.StructureKey).ToList();
            var others = await db.StructureMemberships.Where(m => keys.Contains(m.StructureKey) && m.MemberId != member.Id).Select(m => m.StructureKey).Distinct().ToListAsync(cancellationToken);
            orphaned = keys.Except(others).ToList();
            // Remaining managers of a structure whose owner leaves: the oldest becomes owner.
            foreach (var key in keys.Intersect(others).Where(k => memberships.Any(m => m.StructureKey == k && m.IsOwner)))
            {
                var heir = await db.StructureMemberships.Where(m => m.StructureKey == key && m.MemberId != member.Id).OrderBy(m => m.CreatedUtc).FirstAsync(cancellationToken);
                heir.IsOwner = true;
            }
            db.StructureMemberships.RemoveRange(memberships);
            db.StructureInvitations.RemoveRange(db.StructureInvitations.Where(i => i.Email == email || i.InvitedBy == member.Id));
            foreach (var signUp in await db.SignUps.Where(s => s.Email == email).ToListAsync(cancellationToken))
            {
                signUp.Email = $"anonyme-{signUp.Id:N}@invalid";
                signUp.Name = "Anonyme";
                signUp.Role = null;
                signUp.ConfirmTokenHash = null;
                signUp.CancelTokenHash = null;
                signUp.AnonymisedUtc = time.GetUtcNow().UtcDateTime;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var key in orphaned)
        {
            await structures.WithdrawAsync(key, cancellationToken);
        }
        await users.DeleteAsync(member);
        logger.LogInformation("Member account {Member} deleted; {Count} structure profiles withdrawn.", member.Id, orphaned.Count);
    }
}
