using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Site.Tests.Infrastructure;
using static PoleKnowledge.Site.Tests.Pole.PoleTestClient;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>The Forms API's OpenAPI document matches the endpoints: routes, operation names, status codes, and the shapes a real definition has.</summary>
public sealed class FormsOpenApiTests(PoleHubFixture fixture) : IClassFixture<PoleHubFixture>
{
    private HubFactory Hub => fixture.Hub;

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = Hub.CreateClient();
        using var response = await client.GetAsync(FormsDeliveryEndpoints.OpenApiPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Document_DescribesEveryFormsEndpointByRouteAndName()
    {
        var document = await DocumentAsync();
        var endpoints = Hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(FormsDeliveryEndpoints.Base, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!;
            var method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant();
            var operation = document["paths"]![path]?[method];
            Assert.True(operation is not null, $"{method} {path} is not in the document.");
            Assert.Equal(endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, (string?)operation!["operationId"]);
        }
    }

    [Fact]
    public async Task Document_EveryStatusTheEntryEndpointReturnsIsDescribed()
    {
        var responses = (await DocumentAsync())["paths"]![$"{FormsDeliveryEndpoints.Base}/entries/{{id}}"]!["post"]!["responses"]!.AsObject();
        using var client = Hub.CreateClient();
        var observed = new HashSet<int>();
        var (accepted, _) = await PostEntryAsync(Hub, client, ContactForm, new { name = "Camille", email = "camille@exemple.fr", subject = "question", message = "Bonjour, comment rejoindre un groupe ?", consent = "on" });
        observed.Add((int)accepted.StatusCode);
        var (invalid, _) = await PostEntryAsync(Hub, client, ContactForm, new { name = "", email = "pas-un-courriel" });
        observed.Add((int)invalid.StatusCode);
        using var unknown = await client.PostAsync($"{FormsDeliveryEndpoints.Base}/entries/{Guid.NewGuid()}", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        observed.Add((int)unknown.StatusCode);
        using var noToken = await client.PostAsync($"{FormsDeliveryEndpoints.Base}/entries/{ContactForm}", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        observed.Add((int)noToken.StatusCode);
        Assert.Equal([202, 422, 404, 400], observed);
        foreach (var status in observed.Concat([413, 415, 429]))
        {
            Assert.True(responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{status} is not documented.");
        }
    }

    [Fact]
    public async Task Document_DefinitionSchema_MatchesWhatTheApiServes()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        using var client = Hub.CreateClient();
        foreach (var formId in new[] { ContactForm, RegistrationForm, SignUpForm })
        {
            var definition = JsonNode.Parse(await client.GetStringAsync($"{FormsDeliveryEndpoints.Base}/definitions/{formId}"))!.AsObject();
            AssertSameProperties(schemas["FormDefinition"]!, definition, formId);
            foreach (var page in definition["pages"]!.AsArray())
            {
                AssertSameProperties(schemas["FormPage"]!, page!.AsObject(), "page");
                foreach (var field in page["fieldsets"]!.AsArray().SelectMany(f => f!["columns"]!.AsArray()).SelectMany(c => c!["fields"]!.AsArray()))
                {
                    var documented = schemas["FormField"]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
                    var missing = field!.AsObject().Select(p => p.Key).Where(k => !documented.Contains(k)).ToList();
                    Assert.True(missing.Count == 0, $"Field properties not in the document: {string.Join(", ", missing)}");
                }
            }
        }
    }

    private static void AssertSameProperties(JsonNode schema, JsonObject served, string what)
    {
        var documented = schema["properties"]!.AsObject().Select(p => p.Key).Order().ToList();
        var actual = served.Select(p => p.Key).Order().ToList();
        Assert.True(documented.SequenceEqual(actual), $"{what}: documented [{string.Join(", ", documented)}], served [{string.Join(", ", actual)}]");
    }
}
