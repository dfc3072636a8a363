using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>A hub whose Delivery API is private with a key from configuration.</summary>
public sealed class PrivateDeliveryFixture : BackOfficeFixture
{
    public const string ConfiguredKey = "cle-de-configuration-123";

    protected override void Configure(HubFactory factory)
    {
        factory.Settings["DeliveryApi:PublicAccess"] = "false";
        factory.Settings["DeliveryApi:ApiKey"] = ConfiguredKey;
    }
}

/// <summary>
/// Delivery API key administration over HTTP: generate, rotate and revoke in the back office, checked at once
/// against the Delivery API with the <c>Api-Key</c> header; public access switched and handed back to configuration.
/// </summary>
public sealed partial class BackOfficeDeliveryKeyTests(PrivateDeliveryFixture hub) : IClassFixture<PrivateDeliveryFixture>
{
    private const string Page = "/backoffice/admin/diffusion";
    private const string Items = "/umbraco/delivery/api/v2/content?take=1";

    private async Task<HttpStatusCode> DeliveryStatusAsync(string? key)
    {
        using var client = hub.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Items);
        if (key is not null)
        {
            request.Headers.Add("Api-Key", key);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task GenerateRotateRevoke_DeliveryApiHonoursTheKeyAtOnce()
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        Assert.Contains("Clé de la configuration", await admin.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(PrivateDeliveryFixture.ConfiguredKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await DeliveryStatusAsync(null));

        var first = await GenerateAsync(admin);
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(first));
        Assert.Equal(HttpStatusCode.Unauthorized, await DeliveryStatusAsync(PrivateDeliveryFixture.ConfiguredKey));
        var page = await admin.GetStringAsync(Page);
        Assert.Contains("Clé active", page, StringComparison.Ordinal);
        Assert.Contains(first[..10] + "…", page, StringComparison.Ordinal);
        Assert.DoesNotContain(first, page, StringComparison.Ordinal);

        var second = await GenerateAsync(admin);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(second));
        Assert.Equal(HttpStatusCode.Unauthorized, await DeliveryStatusAsync(first));

        // Only a hash is stored.
        await using (var db = hub.Factory.Services.GetRequiredService<HubDbContextFactory>().CreateDbContext())
        {
            var values = await db.Settings.Select(s => s.Value).ToListAsync();
            Assert.DoesNotContain(values, v => v != null && v.Contains(second[4..], StringComparison.Ordinal));
        }

        using var revoke = await admin.PostAsync(Page + "?handler=Revoke", []);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await DeliveryStatusAsync(second));
        Assert.Equal(HttpStatusCode.Unauthorized, await DeliveryStatusAsync(PrivateDeliveryFixture.ConfiguredKey));
        Assert.Contains("Aucune clé", await admin.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Contains("clé de l'API de diffusion révoquée", WebUtility.HtmlDecode(await admin.GetStringAsync("/backoffice/admin/journal")), StringComparison.Ordinal);

        var third = await GenerateAsync(admin);
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(third));
    }

    [Fact]
    public async Task AccessMode_PublicThenConfiguration_AppliesAtOnce()
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        Assert.Equal(HttpStatusCode.Unauthorized, await DeliveryStatusAsync(null));

        using var open = await admin.PostAsync(Page + "?handler=Access", [new("mode", "public")]);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(null));
        Assert.Contains("public (sans clé)", await admin.GetStringAsync(Page), StringComparison.Ordinal);

        using var bad = await admin.PostAsync(Page + "?handler=Access", [new("mode", "n'importe quoi")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("id=\"mode-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(null));

        using var back = await admin.PostAsync(Page + "?handler=Access", [new("mode", "configuration")]);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await DeliveryStatusAsync(null));
    }

    [Fact]
    public async Task CraftedGenerate_ByEditor_RefusedAndKeyUnchanged()
    {
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var before = hub.Factory.Services.GetRequiredService<Cms.Delivery.DeliveryOptions>().Stored;

        using var response = await editor.PostAsync(Page + "?handler=Generate", [], "/backoffice/contenu");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden);
        Assert.DoesNotContain("pdk_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, hub.Factory.Services.GetRequiredService<Cms.Delivery.DeliveryOptions>().Stored);
    }

    private static async Task<string> GenerateAsync(BackOfficeClient admin)
    {
        using var response = await admin.PostAsync(Page + "?handler=Generate", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = KeyPattern().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "the new key is shown once");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<code id=\"new-key\" class=\"bo-break\">(pdk_[A-Za-z0-9_-]{40,})</code>")]
    private static partial Regex KeyPattern();
}
