using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>The editors' working-group API: the concertation rule, CSV export, declining, access.</summary>
public sealed class WorkingGroupApiTests(PoleHubFixture fixture) : IClassFixture<PoleHubFixture>
{
    private HubFactory Hub => fixture.Hub;
    private SignUpStore SignUps => Hub.Services.GetRequiredService<SignUpStore>();

    [Fact]
    public async Task Concertation_CannotStartWithoutAConfirmedBaseStructure()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Concertation test", 10, modality: "concertation");
        using var api = await Hub.CreateApiClientAsync();
        var url = $"{WorkingGroupEndpoints.Base}/{group.Key}/status";

        var (refused, body) = await api.PutJsonAsync(url, new { status = WorkingGroupStatus.Running });
        await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1, "institution"));
        var (stillRefused, _) = await api.PutJsonAsync(url, new { status = WorkingGroupStatus.Running });
        await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 2, ConcertationRule.BaseStructureCategory));
        var (accepted, _) = await api.PutJsonAsync(url, new { status = WorkingGroupStatus.Running });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("structure de base", body.FieldErrors("status"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stillRefused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        await Hub.CatchUpAsync();
        Assert.Equal(WorkingGroupStatus.Running, Hub.Services.GetRequiredService<WorkingGroupCatalog>().Find(group.Key)!.Status);
        var (list, listBody) = await api.GetJsonAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/sign-ups");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(1, listBody!["confirmedByCategory"]!["institution"]!.GetValue<int>());
        Assert.Equal(1, listBody["confirmedByCategory"]![ConcertationRule.BaseStructureCategory]!.GetValue<int>());
    }

    [Fact]
    public async Task Concertation_ThroughTheGenericManagementApi_SameRule()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Concertation par l'API de gestion", 10, modality: "concertation");
        using var api = await Hub.CreateApiClientAsync();
        var item = $"{ApiClientExtensions.Content}/{group.Key}";
        async Task<(HttpResponseMessage, System.Text.Json.Nodes.JsonObject?)> StartAsync()
        {
            var (_, current) = await api.GetJsonAsync(item);
            return await api.PutJsonAsync(item, new
            {
                name = group.Name, revision = current!["revision"]!.GetValue<int>(), publish = true, replaceValues = false,
                values = new Dictionary<string, object> { ["status"] = WorkingGroupStatus.Running },
            });
        }

        var (refused, body) = await StartAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("structure de base", body.FieldErrors("status"), StringComparison.Ordinal);
        await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1, ConcertationRule.BaseStructureCategory));
        var (accepted, acceptedBody) = await StartAsync();
        Assert.True(accepted.IsSuccessStatusCode, $"{accepted.StatusCode}: {acceptedBody}");
        // Once running, the group stays editable (the rule is about the move, not the state).
        var (edited, _) = await StartAsync();
        Assert.True(edited.IsSuccessStatusCode);
    }

    [Fact]
    public async Task PracticeExchange_CanStartWithoutBaseStructure()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "EP sans règle", 10);
        using var api = await Hub.CreateApiClientAsync();
        var (response, _) = await api.PutJsonAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/status", new { status = WorkingGroupStatus.Running });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task StatusChange_UnknownStatus_Returns400()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Statut inconnu", 10);
        using var api = await Hub.CreateApiClientAsync();
        var (response, body) = await api.PutJsonAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/status", new { status = "ferme" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("en-cours", body.FieldErrors("status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithoutToken_Returns401()
    {
        using var client = Hub.CreateClient();
        var (response, _) = await client.GetJsonAsync($"{WorkingGroupEndpoints.Base}/{Guid.NewGuid()}/sign-ups");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExportCsv_SemicolonsBomAndNoFormulaInjection()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe export", 1);
        await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1));
        await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 2) with { Name = "=HYPERLINK(\"http://x\")", StructureName = "Coop; \"Les Amis\"" });
        using var api = await Hub.CreateApiClientAsync();

        using var response = await api.GetAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/sign-ups.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1 ? text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries) : text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("\"Statut\";\"Position\";\"Nom\";\"Courriel\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"Confirmé\";\"1\";\"Personne 1\";\"personne1@exemple.fr\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"Coop; \"\"Les Amis\"\"\"", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("\"Liste d'attente\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decline_ConfirmedSignUp_PromotesWaiting()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe refus", 1);
        var first = await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1));
        await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 2));
        using var api = await Hub.CreateApiClientAsync();

        var (response, _) = await api.PostJsonAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/sign-ups/{first.SignUpId}/decline", new { message = "Le groupe est réservé aux structures du Sud rennais." });
        var (again, _) = await api.PostJsonAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/sign-ups/{first.SignUpId}/decline");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var list = await SignUps.ListAsync(group.Key);
        Assert.Equal(SignUpStatus.Declined, list.Single(s => s.Id == first.SignUpId).Status);
        Assert.Equal(SignUpStatus.Confirmed, list.Single(s => s.Email == "personne2@exemple.fr").Status);
        var declined = (await PoleTestClient.MailsToAsync(Hub, "personne1@exemple.fr")).Last();
        Assert.Contains("Sud rennais", declined.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_WaitingSignUp_GetsASeatBeyondCapacity_AndParticipantsCanBeEmailed()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe promotion manuelle", 1);
        var first = await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 11));
        var waiting = await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 12));
        using var api = await Hub.CreateApiClientAsync();

        var (promoted, _) = await api.PostJsonAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/sign-ups/{waiting.SignUpId}/promote");
        var (notWaiting, _) = await api.PostJsonAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/sign-ups/{first.SignUpId}/promote");
        var (emailed, body) = await api.PostJsonAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/email", new { subject = "Salle changée", message = "La séance aura lieu salle B." });
        var (empty, _) = await api.PostJsonAsync($"{WorkingGroupEndpoints.Base}/{group.Key}/email", new { subject = "", message = "" });

        Assert.Equal(HttpStatusCode.NoContent, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notWaiting.StatusCode);
        Assert.Equal(2, (await SignUps.ListAsync(group.Key)).Count(s => s.Status == SignUpStatus.Confirmed));
        Assert.Equal(HttpStatusCode.OK, emailed.StatusCode);
        Assert.Equal(2, body!["sent"]!.GetValue<int>());
        Assert.Equal("Salle changée", (await PoleTestClient.MailsToAsync(Hub, "personne12@exemple.fr")).Last().Subject);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
