namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// Serves <c>delivery.openapi.json</c> (embedded): a hand-maintained description of the Delivery API with
/// Umbraco's operation ids and schema names, so clients generated for Umbraco work unchanged. Maintained by
/// hand rather than generated because the responses are written as bytes, not from model types;
/// <c>DeliveryOpenApiTests</c> checks it still covers Umbraco's contract.
/// </summary>
internal static class DeliveryOpenApiDocument
{
    public const string ResourceName = "PoleKnowledge.Site.Delivery.delivery.openapi.json";

    private static readonly Lazy<byte[]> Bytes = new(Load);

    public static IResult Serve() => Results.Bytes(Bytes.Value, "application/json; charset=utf-8");

    private static byte[] Load()
    {
        using var stream = typeof(DeliveryOpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
