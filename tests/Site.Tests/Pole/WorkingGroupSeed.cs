using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>Creates and publishes working groups for sign-up tests (through the content store, like an editor).</summary>
public static class WorkingGroupSeed
{
    public static async Task<WorkingGroup> CreateAsync(HubFactory hub, string name, int capacity, string status = WorkingGroupStatus.Open, string modality = "ep", string periodEnd = "2027-06-30")
    {
        var store = hub.Services.GetRequiredService<ContentStore>();
        var session = new JsonObject
        {
            ["contentType"] = "groupSession",
            ["key"] = Guid.NewGuid().ToString(),
            ["values"] = new JsonObject
            {
                ["start"] = "2027-03-04T14:00:00+01:00",
                ["end"] = "2027-03-04T17:00:00+01:00",
                ["place"] = "Pôle ESS, Rennes",
                ["topic"] = "Séance de lancement",
            },
            ["settings"] = null,
        };
        var outcome = await store.SaveAsync(new ContentWrite
        {
            ContentType = "workingGroup",
            ParentRoute = "/groupes-de-travail",
            Name = name,
            Publish = true,
            Values = new Dictionary<string, JsonNode?>
            {
                ["summary"] = "Un groupe pour les tests.",
                ["objective"] = "Vérifier les inscriptions.",
                ["modality"] = modality,
                ["status"] = status,
                ["periodStart"] = "2027-02-01",
                ["periodEnd"] = periodEnd,
                ["capacity"] = capacity,
                ["sessions"] = new JsonObject { ["items"] = new JsonArray(session) },
            },
        }, "tests");
        Assert.True(outcome.Succeeded, outcome.Message + string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
        await hub.CatchUpAsync();
        return hub.Services.GetRequiredService<WorkingGroupCatalog>().Find(outcome.Item!.Key)!;
    }

    public static string Segment(WorkingGroup group) => group.Route.Trim('/').Split('/').Last();

    public static SignUpRequest Verified(WorkingGroup group, int i, string category = "structure-de-base") =>
        new(group.Key, $"personne{i}@exemple.fr", $"Personne {i}", $"Structure {i}", "Coordination", category, "Notre expérience", "appui", true, "http://localhost")
        {
            EmailVerified = true,
        };
}
