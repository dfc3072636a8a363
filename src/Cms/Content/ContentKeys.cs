using System.Security.Cryptography;
using System.Text;

namespace PoleKnowledge.Cms.Content;

/// <summary>
/// Item keys. An import file may give a readable key (<c>benevolat-guide</c>); the item's GUID is then
/// derived from it by a name-based UUID (RFC 9562 version 5, SHA-1 over a fixed namespace), so the same
/// file imported into any database gets the same GUID, and a picker value naming an import key can be
/// turned into a GUID without a database lookup.
/// </summary>
public static class ContentKeys
{
    private static readonly Guid Namespace = new("6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f");

    public static Guid FromImportKey(string importKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(importKey);
        Span<byte> nameSpaceBytes = stackalloc byte[16];
        Namespace.TryWriteBytes(nameSpaceBytes, bigEndian: true, out _);
        var name = Encoding.UTF8.GetBytes(importKey.Trim());
        var buffer = new byte[16 + name.Length];
        nameSpaceBytes.CopyTo(buffer);
        name.CopyTo(buffer, 16);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 v5 UUIDs are defined over SHA-1; this is an identifier, not a security boundary.
        SHA1.HashData(buffer, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>A GUID as written, or the key derived from an import key; null for empty input.</summary>
    public static Guid? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.StartsWith("umb://document/", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("umb://media/", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        }
        return Guid.TryParse(trimmed, out var key) ? key : FromImportKey(trimmed);
    }
}
