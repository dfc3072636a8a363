using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Extensions.WorkingGroups;

namespace PoleKnowledge.Extensions.Members;

/// <summary>
/// Forgotten passwords: a one-use link valid <see cref="PasswordResetLifetime"/>, only its hash and expiry kept
/// (as a member authentication token, not Identity's token providers, which are global and shared with the back
/// office's users). Asking never says whether an account exists.
/// </summary>
public sealed partial class MemberAccountStore
{
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(2);
    private const string PasswordResetToken = "PasswordReset";

    /// <summary>Sends a reset link when a confirmed account has this address; does the same nothing otherwise (the caller answers alike).</summary>
    public async Task RequestPasswordResetAsync(string email, string baseUrl, CancellationToken cancellationToken = default)
    {
        var member = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (member is null || !member.EmailConfirmed)
        {
            logger.LogInformation("Member password reset asked for an address without a confirmed account.");
            return;
        }
        var token = SignUpTokens.New();
        var expires = time.GetUtcNow().Add(PasswordResetLifetime).UtcTicks;
        await users.SetAuthenticationTokenAsync(member, TokenProvider, PasswordResetToken, $"{SignUpTokens.Hash(token)}|{expires.ToString(CultureInfo.InvariantCulture)}");
        var link = $"{baseUrl.TrimEnd('/')}{MemberAuthentication.Area}/mot-de-passe?id={Uri.EscapeDataString(member.Id)}&jeton={Uri.EscapeDataString(token)}";
        await mail.SendAsync(new OutgoingMail(member.Email!, "Nouveau mot de passe pour votre compte membre", $"""
            Bonjour {member.DisplayName},

            Pour choisir un nouveau mot de passe pour votre compte membre du pôle ESS du Pays de Rennes, ouvrez ce lien (valable {PasswordResetLifetime.TotalHours:0} heures, une seule fois) :

            {link}

            Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.
            """) { ToName = member.DisplayName }, cancellationToken);
    }

    /// <summary>True when the link is valid (right member, right token, not expired, not used).</summary>
    public async Task<bool> IsPasswordResetValidAsync(string? memberId, string? token) => await FindResetAsync(memberId, token) is not null;

    /// <summary>Sets the new password through the reset link: null when the link is invalid, else Identity's result (password rules).</summary>
    public async Task<IdentityResult?> ResetPasswordAsync(string? memberId, string? token, string newPassword)
    {
        if (await FindResetAsync(memberId, token) is not { } member)
        {
            return null;
        }
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, member, newPassword);
            if (!check.Succeeded)
            {
                return check;
            }
        }
        member.PasswordHash = users.PasswordHasher.HashPassword(member, newPassword);
        // A new security stamp, and the link is spent.
        var result = await users.UpdateSecurityStampAsync(member);
        if (result.Succeeded)
        {
            await users.RemoveAuthenticationTokenAsync(member, TokenProvider, PasswordResetToken);
            await users.ResetAccessFailedCountAsync(member);
            await users.SetLockoutEndDateAsync(member, null);
            logger.LogInformation("Member {Member}: password reset by e-mail link.", member.Id);
        }
        return result;
    }

    private async Task<PoleMember?> FindResetAsync(string? memberId, string? token)
    {
        if (string.IsNullOrEmpty(memberId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(memberId) is not { } member
            || await users.GetAuthenticationTokenAsync(member, TokenProvider, PasswordResetToken) is not { } stored
            || stored.Split('|') is not [var hash, var ticks] || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(SignUpTokens.Hash(token)));
        return matches && time.GetUtcNow().UtcTicks < expires ? member : null;
    }
}
