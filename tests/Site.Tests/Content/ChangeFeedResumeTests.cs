using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Content;

/// <summary>The published cache resumes from its snapshot and catches up with what was written while it was down.</summary>
public sealed class ChangeFeedResumeTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "pk-tests", Guid.NewGuid().ToString("N"));

    private static ContentWrite Resource(string name, bool publish = true) => new()
    {
        ContentType = "resource", ParentRoute = "/ressources", Name = name, Publish = publish,
        Values = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["resourceType"] = "fiche-pratique", ["summary"] = "Résumé" },
    };

    [Fact]
    public async Task Restart_AfterWritesWhileDown_LoadsSnapshotThenCatchesUp()
    {
        long positionAtStop;
        using (var first = new HubFactory(dataPath: _dataPath) { KeepData = true })
        {
            using var client = first.CreateClient();
            Assert.True((await first.Services.GetRequiredService<ContentStore>().SaveAsync(Resource("Avant l'arrêt"), "test")).Succeeded);
            await first.CatchUpAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ressources/avant-l-arret/")).StatusCode);
            positionAtStop = first.Services.GetRequiredService<PublishedContentCache>().Position;
        }
        // The host stopped (snapshot written at shutdown). Writes happen while no site runs.
        var snapshot = Path.Combine(_dataPath, "cache", "published.snapshot");
        Assert.True(File.Exists(snapshot));
        await using (var cli = await CliServices.CreateAsync(_dataPath))
        {
            var store = cli.GetRequiredService<ContentStore>();
            for (var i = 1; i <= 30; i++)
            {
                Assert.True((await store.SaveAsync(Resource($"Pendant l'arrêt {i}"), "cli")).Succeeded);
            }
        }

        using var second = new HubFactory(dataPath: _dataPath);
        using var secondClient = second.CreateClient();
        var cache = second.Services.GetRequiredService<PublishedContentCache>();
        await second.CatchUpAsync();
        Assert.True(cache.Position > positionAtStop);
        Assert.Equal(await second.Services.GetRequiredService<ChangeFeedReader>().GetHeadAsync(default), cache.Position);
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/ressources/avant-l-arret/")).StatusCode);
        for (var i = 1; i <= 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync($"/ressources/pendant-l-arret-{i}/")).StatusCode);
        }
    }

    [Fact]
    public async Task Restart_WithADamagedSnapshot_RebuildsFromTheDatabase()
    {
        using (var first = new HubFactory(dataPath: _dataPath) { KeepData = true })
        {
            first.CreateClient();
            await first.CatchUpAsync();
        }
        var snapshot = Path.Combine(_dataPath, "cache", "published.snapshot");
        await File.WriteAllBytesAsync(snapshot, [1, 2, 3, 4, 5]);
        using var second = new HubFactory(dataPath: _dataPath);
        using var client = second.CreateClient();
        await second.CatchUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ressources/guide-agenda-21/")).StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
