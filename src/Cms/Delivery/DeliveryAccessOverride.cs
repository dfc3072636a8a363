namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// What an administrator set in the back office over the configuration: the stored key's hash (empty when the key
/// was revoked: then no key is valid, not even a configured one) and the public-access switch (null: configuration).
/// </summary>
public sealed record DeliveryAccessOverride(string? KeyHash, string? KeyPrefix, DateTime? KeyDate, bool? PublicAccess)
{
    public static readonly DeliveryAccessOverride None = new(null, null, null, null);

    /// <summary>True when the back office decides the key (a generated key, or a revocation).</summary>
    public bool OverridesKey => KeyHash is not null;
}
