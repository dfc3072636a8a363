using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>Outputs linked both ways on the demo content: the resource names its group, the group lists its outputs, and the Delivery API finds the group from the resource.</summary>
public sealed class GroupOutputLinkTests(PoleHubFixture fixture) : IClassFixture<PoleHubFixture>
{
    private HubFactory Hub => fixture.Hub;

    private (WorkingGroup Group, Guid Output, string OutputRoute) DemoOutput()
    {
        var cache = Hub.Services.GetRequiredService<PublishedContentCache>();
        var group = Hub.Services.GetRequiredService<WorkingGroupCatalog>().All.First(g => g.Outputs.Count > 0);
        var output = group.Outputs[0];
        return (group, output, cache.GetRoutes(output).Select(r => r.Route).First());
    }

    [Fact]
    public async Task OutputPage_SaysWhichGroupProducedIt_WithLink()
    {
        var (group, _, route) = DemoOutput();
        using var client = Hub.CreateClient();
        var html = await client.GetStringAsync(route);
        Assert.Contains("Produit par le groupe de travail", html, StringComparison.Ordinal);
        Assert.Matches($"class=\"produced-by\">\\s*Produit par le groupe de travail\\s*<a href=\"{group.Route}\">", html);
    }

    [Fact]
    public async Task GroupPage_ListsItsOutputs()
    {
        var (group, _, route) = DemoOutput();
        using var client = Hub.CreateClient();
        var html = await client.GetStringAsync(group.Route);
        Assert.Contains("Productions du groupe", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{route}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Produit par le groupe de travail", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherPage_NoProducedByLine()
    {
        using var client = Hub.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.DoesNotContain("Produit par", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveryApi_OutputFilter_FindsTheProducingGroup()
    {
        var (group, output, _) = DemoOutput();
        using var client = Hub.CreateClient();
        var body = JsonNode.Parse(await client.GetStringAsync($"/umbraco/delivery/api/v2/content?filter=output:{output}"))!;
        var ids = body["items"]!.AsArray().Select(i => (string?)i!["id"]).ToList();
        Assert.Contains(group.Key.ToString(), ids);
        Assert.All(body["items"]!.AsArray(), i => Assert.Equal("workingGroup", (string?)i!["contentType"]));
    }
}
