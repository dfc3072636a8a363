using System.Security.Cryptography;

namespace PoleKnowledge.Site.Delivery;

/// <summary>A serialised Delivery API response body with its strong ETag (a hash of the bytes: equal bytes, equal tag, on every node).</summary>
internal sealed class DeliveryPayload
{
    private DeliveryPayload(byte[] bytes, string etag)
    {
        Bytes = bytes;
        ETag = etag;
    }

    public byte[] Bytes { get; }

    public string ETag { get; }

    public static DeliveryPayload From(byte[] bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return new DeliveryPayload(bytes, "\"" + Convert.ToHexStringLower(hash[..16]) + "\"");
    }
}
