using System.Net;
using PoleKnowledge.Site.Tests.Infrastructure;
using static PoleKnowledge.Site.Tests.Pole.PoleTestClient;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>Per-IP and per-form limits on entries: 429 with Retry-After past the limit, open again a minute later.</summary>
public sealed class FormsRateLimitTests
{
    private static Dictionary<string, object> Contact(int i) => new()
    {
        ["name"] = "Anna", ["email"] = $"anna{i}@exemple.fr", ["subject"] = "question", ["message"] = "Bonjour", ["consent"] = "on",
    };

    [Fact]
    public async Task PostEntry_OverPerIpLimit_Returns429ThenRecovers()
    {
        using var hub = new HubFactory(demo: false);
        hub.Settings["PoleForms:PerIpPermitsPerMinute"] = "3";
        using var client = hub.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await PostEntryAsync(hub, client, ContactForm, Contact(i), wait: TimeSpan.FromSeconds(4))).Response.StatusCode);
        }
        var (limited, _) = await PostEntryAsync(hub, client, ContactForm, Contact(9), wait: TimeSpan.FromSeconds(4));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(limited.Headers.RetryAfter is not null);
        hub.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await PostEntryAsync(hub, client, ContactForm, Contact(10), wait: TimeSpan.FromSeconds(4))).Response.StatusCode);
    }

    [Fact]
    public async Task PostEntry_OverPerFormLimit_Returns429ForEveryone()
    {
        using var hub = new HubFactory(demo: false);
        hub.Settings["PoleForms:PerFormPermitsPerMinute"] = "2";
        using var client = hub.CreateClient();
        var first = await PostEntryAsync(hub, client, ContactForm, Contact(1), wait: TimeSpan.FromSeconds(4));
        var second = await PostEntryAsync(hub, client, ContactForm, Contact(2), wait: TimeSpan.FromSeconds(4));
        var third = await PostEntryAsync(hub, client, ContactForm, Contact(3), wait: TimeSpan.FromSeconds(4));
        Assert.Equal(HttpStatusCode.Accepted, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Response.StatusCode);
    }

    [Fact]
    public async Task PostEntry_WithApiKey_NeedsNoBrowserTokens()
    {
        using var hub = new HubFactory(demo: false);
        hub.Settings["PoleForms:ApiKey"] = "cle-serveur-de-test-1234567890";
        using var client = hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Forms}/entries/{ContactForm}") { Content = System.Net.Http.Json.JsonContent.Create(new { values = Contact(1) }) };
        request.Headers.Add("Api-Key", "cle-serveur-de-test-1234567890");
        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, $"{Forms}/entries/{ContactForm}") { Content = System.Net.Http.Json.JsonContent.Create(new { values = Contact(2) }) };
        wrongKey.Headers.Add("Api-Key", "mauvaise");

        using var response = await client.SendAsync(request);
        using var refused = await client.SendAsync(wrongKey);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
