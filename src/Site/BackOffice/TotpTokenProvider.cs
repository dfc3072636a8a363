using Microsoft.AspNetCore.Identity;
using OtpNet;
using PoleKnowledge.Cms.Persistence;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>
/// Time-based one-time codes (RFC 6238, what authenticator apps show) checked with Otp.NET against the
/// injected clock, so tests can move time. One step of drift either way is accepted; a code used once is
/// not refused again within its window (Identity's own provider behaves the same).
/// </summary>
public sealed class TotpTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<BackOfficeUser>
{
    public const string ProviderName = "Totp";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<BackOfficeUser> manager, BackOfficeUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<BackOfficeUser> manager, BackOfficeUser user) =>
        Task.FromResult(""); // codes come from the user's app, never from the server

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<BackOfficeUser> manager, BackOfficeUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = new string([.. (token ?? "").Where(char.IsDigit)]);
        if (string.IsNullOrEmpty(key) || code.Length != 6)
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out _, new VerificationWindow(previous: 1, future: 1));
    }

    /// <summary>The current code for a key (tests and the set-up check).</summary>
    public static string Compute(string base32Key, DateTime utc) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(utc);
}
