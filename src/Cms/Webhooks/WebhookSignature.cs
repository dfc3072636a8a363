using System.Security.Cryptography;

namespace PoleKnowledge.Cms.Webhooks;

/// <summary>
/// The signature header of a delivery: <c>X-Pole-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the exact
/// body bytes with the webhook's secret (GitHub's scheme), so a receiver can check origin and integrity.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Pole-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));

    /// <summary>A new random secret (256 bits, URL-safe).</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
