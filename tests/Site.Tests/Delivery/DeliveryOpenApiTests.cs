using System.Net;
using System.Text.Json.Nodes;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary>Our OpenAPI document covers Umbraco's Delivery API contract: every path, operation id, parameter, response and schema, with compatible shapes.</summary>
public sealed class DeliveryOpenApiTests : IDisposable
{
    private readonly HubFactory _factory = new(demo: false);

    [Fact]
    public async Task Document_CoversUmbracosContract()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/umbraco/openapi/delivery.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ours = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var umbraco = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Delivery", "Contracts", "umbraco-delivery-api-v2.openapi.json")))!;
        var problems = new List<string>();
        foreach (var (path, item) in umbraco["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                if (ours["paths"]?[path]?[method] is not JsonObject mine)
                {
                    problems.Add($"{where}: missing");
                    continue;
                }
                if ((string?)mine["operationId"] != (string?)operation!["operationId"])
                {
                    problems.Add($"{where}: operationId {mine["operationId"]} instead of {operation["operationId"]}");
                }
                foreach (var parameter in operation["parameters"]!.AsArray())
                {
                    var match = mine["parameters"]!.AsArray().FirstOrDefault(p => (string?)p!["name"] == (string?)parameter!["name"] && (string?)p["in"] == (string?)parameter["in"]);
                    if (match is null)
                    {
                        problems.Add($"{where}: parameter {parameter!["in"]} {parameter["name"]} missing");
                    }
                    else if (Shape(match["schema"]) != Shape(parameter!["schema"]))
                    {
                        problems.Add($"{where}: parameter {parameter["name"]} is {Shape(match["schema"])}, Umbraco's is {Shape(parameter["schema"])}");
                    }
                }
                foreach (var (status, expected) in operation["responses"]!.AsObject())
                {
                    if (mine["responses"]?[status] is not JsonObject actual)
                    {
                        problems.Add($"{where}: response {status} missing");
                    }
                    else if (Refs(expected) != Refs(actual))
                    {
                        problems.Add($"{where}: response {status} schema {Refs(actual)} instead of {Refs(expected)}");
                    }
                }
            }
        }
        foreach (var (name, schema) in umbraco["components"]!["schemas"]!.AsObject())
        {
            if (ours["components"]?["schemas"]?[name] is not JsonObject mine)
            {
                problems.Add($"schema {name} missing");
                continue;
            }
            foreach (var required in schema!["required"]?.AsArray() ?? [])
            {
                if (mine["required"]?.AsArray().Any(r => (string?)r == (string?)required) != true)
                {
                    problems.Add($"schema {name}: {required} not required");
                }
            }
            foreach (var (property, shape) in schema["properties"]?.AsObject() ?? [])
            {
                if (mine["properties"]?[property] is not { } actual)
                {
                    problems.Add($"schema {name}: property {property} missing");
                }
                else if (Shape(actual) != Shape(shape) || Refs(actual) != Refs(shape))
                {
                    problems.Add($"schema {name}.{property}: {Shape(actual)} {Refs(actual)} instead of {Shape(shape)} {Refs(shape)}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal("Api-Key", (string?)ours["components"]!["securitySchemes"]!["ApiKeyAuth"]!["name"]);
    }

    /// <summary>Type, format, nullability and item type: what a generated client depends on.</summary>
    private static string Shape(JsonNode? schema) =>
        $"{schema?["type"]}/{schema?["format"]}/{schema?["nullable"]}/{schema?["items"]?["type"]}/{schema?["items"]?["format"]}";

    /// <summary>The schema names a node refers to, sorted.</summary>
    private static string Refs(JsonNode? node)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(node, names);
        return string.Join(",", names);
    }

    private static void Collect(JsonNode? node, SortedSet<string> names)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "$ref" && value is JsonValue v)
                    {
                        names.Add(v.GetValue<string>().Split('/')[^1]);
                    }
                    else
                    {
                        Collect(value, names);
                    }
                }
                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    Collect(value, names);
                }
                break;
        }
    }

    public void Dispose() => _factory.Dispose();
}
