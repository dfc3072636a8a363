using System.Net;
using System.Text.Json.Nodes;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary>The pôle's filters and sorts are in the OpenAPI document, and every documented example works on the demo content.</summary>
public sealed class DeliveryQueryOptionDocumentationTests : IDisposable
{
    private static readonly string[] PoleFilters = ["theme", "mission", "priority", "audience", "resourceType", "legalForm", "commune", "groupStatus", "modality"];
    private static readonly string[] PoleSorts = ["date", "title"];
    private readonly HubFactory _factory = new();

    [Fact]
    public async Task Document_EveryPoleFilterAndSort_DescribedWithExamples_EachAnswersOnTheDemoContent()
    {
        using var client = _factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/umbraco/openapi/delivery.json"))!;
        var parameters = document["paths"]!["/umbraco/delivery/api/v2/content"]!["get"]!["parameters"]!.AsArray();
        var filter = parameters.Single(p => (string?)p!["name"] == "filter")!;
        var sort = parameters.Single(p => (string?)p!["name"] == "sort")!;
        foreach (var (parameter, prefixes) in new[] { (filter, PoleFilters), (sort, PoleSorts) })
        {
            var description = parameter["description"]!.GetValue<string>();
            var values = parameter["examples"]!.AsObject().Select(e => ValueOf(e.Value!)).ToList();
            foreach (var prefix in prefixes)
            {
                Assert.Contains($"| `{prefix}:` |", description, StringComparison.Ordinal);
                Assert.Contains(values, v => v.StartsWith(prefix + ":", StringComparison.Ordinal));
            }
        }
        // Umbraco's own examples are kept.
        Assert.NotNull(filter["examples"]!["By content type"]);

        await WaitForIndexAsync(client);
        foreach (var example in filter["examples"]!.AsObject())
        {
            var value = ValueOf(example.Value!);
            if (!PoleFilters.Any(prefix => value.StartsWith(prefix + ":", StringComparison.Ordinal)))
            {
                // Umbraco's own examples (dates among them) are not about the demo content; the tests clock is fake.
                continue;
            }
            var response = await client.GetAsync("/umbraco/delivery/api/v2/content?filter=" + Uri.EscapeDataString(value));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{value}: {response.StatusCode}");
            var total = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["total"]!.GetValue<int>();
            Assert.True(total > 0, $"The documented example filter={value} finds nothing in the demo content.");
        }
        foreach (var example in sort["examples"]!.AsObject())
        {
            var value = ValueOf(example.Value!);
            var response = await client.GetAsync("/umbraco/delivery/api/v2/content?sort=" + Uri.EscapeDataString(value));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"sort={value}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task ReferenceUi_ServedLocally_PointsAtTheDocument()
    {
        using var client = _factory.CreateClient();
        var page = await client.GetAsync("/umbraco/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var configuration = await client.GetStringAsync("/umbraco/swagger/index.js");
        Assert.Contains("/umbraco/openapi/delivery.json", configuration, StringComparison.Ordinal);
        // The UI's own scripts come from the hub, not from a CDN.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/umbraco/swagger/swagger-ui-bundle.js")).StatusCode);
    }

    /// <summary>An example's value: a string, or an array of one string (a repeated query parameter).</summary>
    private static string ValueOf(JsonNode example) => example["value"] is JsonArray array ? array.Single()!.GetValue<string>() : example["value"]!.GetValue<string>();

    private static async Task WaitForIndexAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((await client.GetAsync("/umbraco/delivery/api/v2/content?take=1")).StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The content index never opened.");
    }

    public void Dispose() => _factory.Dispose();
}
