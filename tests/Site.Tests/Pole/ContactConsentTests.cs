using System.Net;
using System.Text.Json.Nodes;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>
/// A structure's contact details are public only with its consent: without it they reach neither the Delivery
/// API, nor the structure's page, nor the search index; editors still read them through the management API;
/// giving consent and publishing shows them.
/// </summary>
public sealed class ContactConsentTests(PoleHubFixture fixture) : IClassFixture<PoleHubFixture>
{
    private const string Email = "contact@jardins-du-coquet.example.org";
    private HubFactory Hub => fixture.Hub;

    private static async Task<JsonObject> StructureAsync(HttpClient client, string name)
    {
        var page = JsonNode.Parse(await client.GetStringAsync("/umbraco/delivery/api/v2/content?filter=contentType:structureProfile&take=100"))!;
        return page["items"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == name)!.AsObject();
    }

    [Fact]
    public async Task ContactsWithoutConsent_AreWithheldEverywhereThePublicLooks_AndShownOnceConsentIsPublished()
    {
        await Hub.CatchUpAsync();
        using var client = Hub.CreateClient();

        var withheld = await StructureAsync(client, "Les Jardins du Coquet");
        var properties = withheld["properties"]!.AsObject();
        Assert.False(properties["contactConsent"]!.GetValue<bool>());
        Assert.Null(properties["contactEmail"]);
        Assert.Null(properties["contactName"]);
        Assert.True(properties.ContainsKey("contactEmail"), "The property stays in the contract, as null.");
        var consenting = (await StructureAsync(client, "Ricochet Ressourcerie"))["properties"]!.AsObject();
        Assert.Equal("boutique@ricochet.example.org", consenting["contactEmail"]!.GetValue<string>());

        var route = withheld["route"]!["path"]!.GetValue<string>();
        var html = await client.GetStringAsync(route);
        Assert.DoesNotContain(Email, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Encadrement technique", html, StringComparison.Ordinal);
        var search = await client.GetStringAsync("/api/search/v1?q=" + Uri.EscapeDataString("encadrement technique coquet"));
        Assert.DoesNotContain("Encadrement technique", search, StringComparison.Ordinal);

        // Editors still have the values, and consent published makes them public.
        var api = await Hub.CreateApiClientAsync();
        var key = withheld["id"]!.GetValue<Guid>();
        var (read, item) = await api.GetJsonAsync($"{ApiClientExtensions.Content}/{key}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains(Email, item!.ToJsonString(), StringComparison.Ordinal);
        // A save states every value: the stored ones, with consent given.
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var group in new[] { item["values"]?["invariant"], item["values"]?["cultures"]?["fr-FR"] })
        {
            foreach (var (alias, value) in group?.AsObject() ?? [])
            {
                values[alias] = value?.DeepClone();
            }
        }
        values["contactConsent"] = true;
        var (saved, body) = await api.PutJsonAsync($"{ApiClientExtensions.Content}/{key}", new
        {
            name = "Les Jardins du Coquet",
            revision = item["revision"]!.GetValue<int>(),
            publish = true,
            values,
        });
        Assert.True(saved.IsSuccessStatusCode, $"{saved.StatusCode}: {body}");
        await Hub.CatchUpAsync();
        var shown = (await StructureAsync(client, "Les Jardins du Coquet"))["properties"]!.AsObject();
        Assert.Equal(Email, shown["contactEmail"]!.GetValue<string>());
        var page = await client.GetStringAsync(route);
        Assert.True(page.Contains(Email, StringComparison.Ordinal), page);
    }
}
