using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PoleKnowledge.Site.Tests.Delivery.Contracts;

/// <summary>
/// The response schemas of Umbraco's published Delivery API contract (umbraco-delivery-api-v2.openapi.json),
/// turned from OpenAPI 3.0 into JSON Schema 2020-12 so responses can be validated with JsonSchema.Net:
/// <c>nullable</c> becomes a <c>null</c> type, references point at <c>$defs</c>, and formats (uuid, date-time)
/// are enforced. One documented deviation: <c>route.queryString</c>, which Umbraco 17 writes but its published
/// contract predates (DELIVERY-API.md §4, issue #20976).
/// </summary>
internal static class UmbracoContractSchemas
{
    private static readonly Lazy<JsonObject> Definitions = new(LoadDefinitions);
    private static readonly ConcurrentDictionary<string, JsonSchema> Built = new(StringComparer.Ordinal);
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The problems of <paramref name="json"/> against the schema <paramref name="name"/> (or an array of them when <paramref name="array"/>); empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string name, string json, bool array = false)
    {
        var schema = Built.GetOrAdd((array ? "[]" : "") + name, _ => Build(name, array));
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, Options);
        if (results.IsValid)
        {
            return [];
        }
        return [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.SchemaLocation}): {e.Key} {e.Value}"))
            .Distinct()
            .Take(20)];
    }

    private static JsonSchema Build(string name, bool array)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Definitions.Value.DeepClone(),
        };
        if (array)
        {
            root["type"] = "array";
            root["items"] = new JsonObject { ["$ref"] = "#/$defs/" + name };
        }
        else
        {
            root["$ref"] = "#/$defs/" + name;
        }
        var uri = new Uri($"https://poleknowledge.test/umbraco-contract/{(array ? "array-of-" : "")}{name}");
        // The schema keeps reading the elements it was built from: a clone outlives the parsed document.
        using var document = JsonDocument.Parse(root.ToJsonString());
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions(), uri);
    }

    private static JsonObject LoadDefinitions()
    {
        var contract = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Delivery", "Contracts", "umbraco-delivery-api-v2.openapi.json")))!;
        var schemas = (JsonObject)contract["components"]!["schemas"]!.DeepClone();
        foreach (var (_, schema) in schemas)
        {
            Convert(schema!);
        }
        schemas["ApiContentRouteModel"]!["properties"]!["queryString"] = new JsonObject { ["type"] = new JsonArray("string", "null") };
        return schemas;
    }

    /// <summary>OpenAPI 3.0 → JSON Schema 2020-12, in place, recursively.</summary>
    private static void Convert(JsonNode node)
    {
        if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                {
                    Convert(child);
                }
            }
            return;
        }
        if (node is not JsonObject schema)
        {
            return;
        }
        foreach (var (_, child) in schema.ToList())
        {
            if (child is not null)
            {
                Convert(child);
            }
        }
        if (schema["$ref"] is JsonValue reference)
        {
            schema["$ref"] = reference.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        }
        if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
        {
            schema.Remove("nullable");
            if (schema["type"] is JsonValue type)
            {
                schema["type"] = new JsonArray(type.GetValue<string>(), "null");
            }
            else if (schema.Count > 0)
            {
                // A nullable composition ({oneOf: [$ref], nullable: true}): the composition or null.
                var copy = new JsonObject();
                foreach (var (key, value) in schema.ToList())
                {
                    schema.Remove(key);
                    copy[key] = value;
                }
                schema["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" });
            }
        }
        schema.Remove("readOnly");
    }
}
