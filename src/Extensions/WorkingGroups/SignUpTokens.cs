using System.Security.Cryptography;
using System.Text;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>Link tokens: 256 random bits in the e-mail, only their SHA-256 in the database (a leaked table confirms nothing).</summary>
public static class SignUpTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
