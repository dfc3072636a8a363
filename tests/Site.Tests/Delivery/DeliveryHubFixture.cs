using System.Text.Json.Nodes;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary>One demo hub for the Delivery API tests: API key <c>secret</c>, <c>fundingScheme</c> disallowed, output cache off.</summary>
public sealed class DeliveryHubFixture : IAsyncLifetime
{
    public const string ApiKey = "secret";

    public HubFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory.Settings["DeliveryApi:ApiKey"] = ApiKey;
        Factory.Settings["DeliveryApi:DisallowedContentTypeAliases:0"] = "fundingScheme";
        // Set before the server starts: requests must flow the test's async-local command counter.
        Factory.Server.PreserveExecutionContext = true;
        Client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        Api = await Factory.CreateApiClientAsync();
        await Factory.CatchUpAsync();
    }

    /// <summary>Creates a resource through the management API and returns its JSON (key, revision).</summary>
    public async Task<JsonObject> CreateResourceAsync(string name, bool publish, Guid? producingGroup = null)
    {
        var values = new Dictionary<string, object?> { ["resourceType"] = "guide", ["summary"] = "Résumé : " + name };
        if (producingGroup is { } picked)
        {
            values["producingGroup"] = picked.ToString("D");
        }
        var (response, json) = await Api.PostJsonAsync(ApiClientExtensions.Content, new { contentType = "resource", name, parent = "/ressources", publish, values });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{response.StatusCode}: {json}");
        await Factory.CatchUpAsync();
        return json!;
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        Api?.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
