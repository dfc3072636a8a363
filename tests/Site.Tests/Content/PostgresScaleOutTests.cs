using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Content;

/// <summary>Two web nodes on one PostgreSQL database, each with its own cache: a write on one is served by the other, woken by LISTEN/NOTIFY.</summary>
public sealed class PostgresScaleOutTests
{
    [PostgresFact]
    public async Task WriteOnNodeA_IsServedByNodeB_WithoutWaitingForItsPoll()
    {
        var database = TestEnvironment.NewPostgresDatabase();
        try
        {
            using var nodeA = new HubFactory(postgres: database);
            nodeA.CreateClient();
            await nodeA.CatchUpAsync();
            // Node B polls only once a minute: seeing the write well before that proves the notification path. 10 s, not
            // 2: in a full CI run (load 2–3 on 2 cores, webhooks and search beside) node B once took longer than 2 s.
            using var nodeB = new HubFactory(demo: false, postgres: database, feedPollInterval: TimeSpan.FromMinutes(1));
            using var clientB = nodeB.CreateClient();
            await nodeB.CatchUpAsync();

            var outcome = await nodeA.Services.GetRequiredService<ContentStore>().SaveAsync(new ContentWrite
            {
                ContentType = "resource", ParentRoute = "/ressources", Name = "Écrit sur le nœud A", Publish = true,
                Values = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["resourceType"] = "guide", ["summary"] = "Résumé" },
            }, "test");
            Assert.True(outcome.Succeeded);
            await Wait.UntilAsync(async () => (await clientB.GetAsync("/ressources/ecrit-sur-le-noeud-a/")).StatusCode == HttpStatusCode.OK, "node B serves node A's write", TimeSpan.FromSeconds(10));
        }
        finally
        {
            TestEnvironment.DropPostgresDatabase(database);
        }
    }
}
