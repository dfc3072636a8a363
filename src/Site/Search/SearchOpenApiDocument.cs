namespace PoleKnowledge.Site.Search;

/// <summary>Serves <c>search.openapi.json</c> (embedded, hand-maintained like the Delivery API's; <c>SearchOpenApiTests</c> checks it against the endpoints).</summary>
internal static class SearchOpenApiDocument
{
    public const string ResourceName = "PoleKnowledge.Site.Search.search.openapi.json";

    private static readonly Lazy<byte[]> Bytes = new(Load);

    public static IResult Serve() => Results.Bytes(Bytes.Value, "application/json; charset=utf-8");

    private static byte[] Load()
    {
        using var stream = typeof(SearchOpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
