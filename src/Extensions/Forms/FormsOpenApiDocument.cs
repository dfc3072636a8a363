using Microsoft.AspNetCore.Http;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Serves <c>forms.openapi.json</c> (embedded, hand-maintained like the Delivery and search APIs' documents;
/// <c>FormsOpenApiTests</c> checks it against the endpoints, their status codes and a real definition).
/// </summary>
internal static class FormsOpenApiDocument
{
    public const string ResourceName = "PoleKnowledge.Extensions.Forms.forms.openapi.json";

    private static readonly Lazy<byte[]> Bytes = new(Load);

    public static IResult Serve() => Results.Bytes(Bytes.Value, "application/json; charset=utf-8");

    private static byte[] Load()
    {
        using var stream = typeof(FormsOpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
