using System.Net;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary>Output caching: hits for public requests, varied by culture, never for preview, evicted by a publish.</summary>
public sealed class DeliveryOutputCacheTests
{
    [Fact]
    public async Task PublicRequest_IsServedFromCache_UntilAPublishEvictsIt()
    {
        using var factory = new HubFactory();
        factory.Settings["DeliveryApi:OutputCache:Enabled"] = "true";
        factory.Settings["DeliveryApi:OutputCache:ContentDuration"] = "00:10:00";
        factory.Settings["DeliveryApi:ApiKey"] = "k";
        using var client = factory.CreateClient();
        using var api = await factory.CreateApiClientAsync();
        await factory.CatchUpAsync();
        var (created, json) = await api.PostJsonAsync(ApiClientExtensions.Content, new
        {
            contentType = "resource", name = "Guide en cache", parent = "/ressources", publish = true,
            values = new { resourceType = "guide", summary = "Première version" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await factory.CatchUpAsync();
        var url = DeliveryClient.Content + "/item/ressources/guide-en-cache/";

        var (first, body) = await client.FetchAsync(url);
        Assert.Equal("Première version", (string?)body!["properties"]!["summary"]);
        Assert.Null(first.Headers.Age);
        var (second, _) = await client.FetchAsync(url);
        Assert.NotNull(second.Headers.Age);
        // Another culture, and preview, are not served the cached entry.
        Assert.Null((await client.FetchAsync(url, ("Accept-Language", "en-US"))).Response.Headers.Age);
        var (preview, _) = await client.FetchAsync(url, ("Preview", "true"), ("Api-Key", "k"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Null(preview.Headers.Age);
        Assert.Null((await client.FetchAsync(url, ("Preview", "true"), ("Api-Key", "k"))).Response.Headers.Age);
        // Without the key, preview is refused even though the published response is cached.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.FetchAsync(url, ("Preview", "true"))).Response.StatusCode);

        var (saved, _) = await api.PutJsonAsync($"{ApiClientExtensions.Content}/{json!["key"]}", new
        {
            name = "Guide en cache", revision = json["revision"]!.GetValue<int>(), publish = true,
            values = new { resourceType = "guide", summary = "Seconde version" },
        });
        Assert.True(saved.IsSuccessStatusCode);
        await factory.CatchUpAsync();
        var (after, changed) = await client.FetchAsync(url);
        Assert.Null(after.Headers.Age);
        Assert.Equal("Seconde version", (string?)changed!["properties"]!["summary"]);
    }
}
