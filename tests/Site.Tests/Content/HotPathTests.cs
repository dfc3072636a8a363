using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Content;

/// <summary>Serving published pages reads the published cache only: zero database commands.</summary>
public sealed class HotPathTests : IDisposable
{
    private readonly HubFactory _factory = new();

    [Fact]
    public async Task PublishedPages_RunZeroDatabaseCommands()
    {
        _factory.Server.PreserveExecutionContext = true;
        using var client = _factory.CreateClient();
        await _factory.CatchUpAsync();
        var routes = new[] { "/", "/ressources/", "/ressources/guide-agenda-21/", "/annuaire/", "/groupes-de-travail/", "/en/" };
        foreach (var route in routes)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(route)).StatusCode); // warm up
        }
        using (_factory.Commands.Measure())
        {
            foreach (var route in routes)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(route)).StatusCode);
            }
            Assert.Equal(0, _factory.Commands.Count);
        }

        // The counter does count: a management read runs commands.
        var api = await _factory.CreateApiClientAsync();
        using (_factory.Commands.Measure())
        {
            await api.GetAsync(ApiClientExtensions.Content);
            Assert.True(_factory.Commands.Count > 0);
        }
    }

    [Fact]
    public async Task WriteFromAnotherProcess_IsServedWithinTwoSeconds()
    {
        using var client = _factory.CreateClient();
        await _factory.CatchUpAsync();
        // A second service provider on the same data folder, as the CLI builds it: its writes do not
        // signal the site's consumer, so the site must find them by polling the feed.
        await using var cli = await CliServices.CreateAsync(_factory.DataPath);
        var outcome = await cli.GetRequiredService<ContentStore>().SaveAsync(new ContentWrite
        {
            ContentType = "resource", ParentRoute = "/ressources", Name = "Écrit par la ligne de commande", Publish = true,
            Values = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["resourceType"] = "guide", ["summary"] = "Résumé" },
        }, "cli");
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Field + ": " + e.Message)));
        await Wait.UntilAsync(async () => (await client.GetAsync("/ressources/ecrit-par-la-ligne-de-commande/")).StatusCode == HttpStatusCode.OK,
            "the CLI's write is served", TimeSpan.FromSeconds(2));
    }

    public void Dispose() => _factory.Dispose();
}
