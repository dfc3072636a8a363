using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Delivery.Querying;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// Serves <c>delivery.openapi.json</c> (embedded): a hand-maintained description of the Delivery API with
/// Umbraco's operation ids and schema names, so clients generated for Umbraco work unchanged. Maintained by
/// hand rather than generated because the responses are written as bytes, not from model types;
/// <c>DeliveryOpenApiTests</c> checks it still covers Umbraco's contract. The filters and sorts extensions
/// register (<see cref="QueryOptionDocumentation"/>) are added to the <c>filter</c> and <c>sort</c>
/// parameters of the query operation: a description table and one example per documented value.
/// </summary>
internal sealed class DeliveryOpenApiDocument(IEnumerable<QueryOptionDocumentation> options)
{
    public const string ResourceName = "PoleKnowledge.Site.Delivery.delivery.openapi.json";
    public const string QueryPath = "/umbraco/delivery/api/v2/content";

    private readonly Lazy<byte[]> _bytes = new(() => Build(options.ToList()));

    public IResult Serve() => Results.Bytes(_bytes.Value, "application/json; charset=utf-8");

    private static byte[] Build(IReadOnlyList<QueryOptionDocumentation> options)
    {
        using var stream = typeof(DeliveryOpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        var document = JsonNode.Parse(stream)!;
        if (options.Count > 0 && document["paths"]?[QueryPath]?["get"]?["parameters"] is JsonArray parameters)
        {
            foreach (var parameter in parameters.OfType<JsonObject>())
            {
                var name = parameter["name"]?.GetValue<string>();
                var documented = options.Where(o => string.Equals(o.Parameter, name, StringComparison.Ordinal)).ToList();
                if (documented.Count > 0)
                {
                    Document(parameter, documented);
                }
            }
        }
        return Encoding.UTF8.GetBytes(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static void Document(JsonObject parameter, List<QueryOptionDocumentation> documented)
    {
        var table = new StringBuilder(parameter["description"]?.GetValue<string>() ?? "");
        table.Append("\n\nOptions of the pôle ESS hub (beyond Umbraco's):\n\n| option | meaning | example |\n|---|---|---|\n");
        foreach (var option in documented)
        {
            table.Append("| `").Append(option.Prefix).Append(":` | ").Append(option.Description.Replace("|", "\\|", StringComparison.Ordinal))
                .Append(" | `").Append(option.Examples.Count > 0 ? option.Examples[0].Value : "").Append("` |\n");
        }
        parameter["description"] = table.ToString();
        if (parameter["examples"] is not JsonObject examples)
        {
            parameter["examples"] = examples = [];
        }
        foreach (var option in documented)
        {
            foreach (var example in option.Examples)
            {
                examples[example.Summary] = new JsonObject { ["value"] = new JsonArray(example.Value) };
            }
        }
    }
}
