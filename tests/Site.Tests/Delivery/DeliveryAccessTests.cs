using System.Net;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary>
/// The access decision table (DELIVERY-API.md §3.4) rows that need their own configuration; the public-access
/// rows (no key, wrong key, preview without or with the key) are in <see cref="DeliveryContentItemTests"/>.
/// </summary>
public sealed class DeliveryAccessTests
{
    private const string Home = DeliveryClient.Content + "/item/";

    [Fact]
    public async Task PrivateAccess_RequiresTheKey_ForPublishedAndPreview()
    {
        using var factory = new HubFactory();
        factory.Settings["DeliveryApi:PublicAccess"] = "false";
        factory.Settings["DeliveryApi:ApiKey"] = "private-key";
        using var client = factory.CreateClient();
        await factory.CatchUpAsync();
        var (anonymous, problem) = await client.FetchAsync(Home);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unauthorized", (string?)problem!["title"]);
        Assert.Equal(401, (int?)problem["status"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.FetchAsync(Home, ("Api-Key", "Private-Key"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.FetchAsync(DeliveryClient.Content + "/items", ("Preview", "true"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.FetchAsync(Home, ("Api-Key", "private-key"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.FetchAsync(Home, ("Api-Key", "private-key"), ("Preview", "true"))).Response.StatusCode);
    }

    [Fact]
    public async Task Disabled_AnswersUnauthorized_EvenWithTheKey()
    {
        using var factory = new HubFactory();
        factory.Settings["DeliveryApi:Enabled"] = "false";
        factory.Settings["DeliveryApi:ApiKey"] = "k";
        using var client = factory.CreateClient();
        await factory.CatchUpAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.FetchAsync(Home)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.FetchAsync(Home, ("Api-Key", "k"))).Response.StatusCode);
    }

    [Fact]
    public async Task PublicAccess_NoKeyConfigured_PreviewIsNeverAllowed()
    {
        using var factory = new HubFactory();
        using var client = factory.CreateClient();
        await factory.CatchUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.FetchAsync(Home)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.FetchAsync(Home, ("Preview", "true"), ("Api-Key", ""))).Response.StatusCode);
        // Any other Preview value is not preview.
        Assert.Equal(HttpStatusCode.OK, (await client.FetchAsync(Home, ("Preview", "yes"))).Response.StatusCode);
    }
}
