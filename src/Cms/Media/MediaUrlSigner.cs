using System.Security.Cryptography;
using System.Text;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// Signs image URLs outside the presets, so nobody can make the server render arbitrary sizes
/// (a cheap way to exhaust CPU and disk). The signature is HMAC-SHA256, lower-case hex, over the path
/// and the query exactly as sent (<c>/media/{key}/{file}?width=500&amp;height=300</c>) without the
/// <c>hmac</c> parameter; front ends that hold the key sign with <see cref="SignUrl"/>.
/// </summary>
public sealed class MediaUrlSigner
{
    public const string Parameter = "hmac";
    private readonly byte[] _key;

    public MediaUrlSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("The media HMAC key must be at least 16 bytes.", nameof(key));
        }
        _key = key;
    }

    /// <summary>The signature of a path and query (leading <c>?</c> or none) that carry no <c>hmac</c>.</summary>
    public string Sign(string path, string query) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(path + Normalise(query))));

    /// <summary>Appends <c>hmac=…</c> to a relative URL (<c>/media/…?width=500</c>).</summary>
    public string SignUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var query = question < 0 ? "" : url[question..];
        var stripped = Strip(query, out _);
        return path + (stripped.Length > 0 ? stripped + "&" : "?") + Parameter + "=" + Sign(path, stripped);
    }

    /// <summary>True when the query carries a valid signature of the path and the rest of the query.</summary>
    public bool Verify(string path, string query)
    {
        var rest = Strip(query, out var given);
        if (given is null || given.Length != 64)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(path, rest));
        var actual = Encoding.ASCII.GetBytes(given.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The raw query (with its <c>?</c>, or empty) without any <c>hmac</c> parameter, order kept.</summary>
    public static string Strip(string query, out string? hmac)
    {
        hmac = null;
        var text = query.StartsWith('?') ? query[1..] : query;
        if (text.Length == 0)
        {
            return "";
        }
        var kept = new List<string>();
        foreach (var part in text.Split('&'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            if (string.Equals(name, Parameter, StringComparison.OrdinalIgnoreCase))
            {
                hmac = equals < 0 ? "" : part[(equals + 1)..];
            }
            else if (part.Length > 0)
            {
                kept.Add(part);
            }
        }
        return kept.Count == 0 ? "" : "?" + string.Join('&', kept);
    }

    private static string Normalise(string query) => query.Length == 0 || query.StartsWith('?') ? query : "?" + query;

    /// <summary>The configured key (UTF-8 of the text), or one generated once into the keys folder and reused.</summary>
    public static byte[] LoadOrCreateKey(string? configured, string keysFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Encoding.UTF8.GetBytes(configured);
        }
        var file = Path.Combine(keysFolder, "media-hmac.key");
        if (File.Exists(file) && Convert.FromBase64String(File.ReadAllText(file).Trim()) is { Length: >= 32 } existing)
        {
            return existing;
        }
        Directory.CreateDirectory(keysFolder);
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = file + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        try
        {
            // Two processes starting together: the first rename wins and both read the winner's key.
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temporary);
        }
        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
