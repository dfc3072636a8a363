using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.BackOffice;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>
/// Editors review sign-ups in the back office (/backoffice/groupes): each action × role over HTTP with the
/// anti-forgery token, bad input, and the concertation rule's 409 in French.
/// </summary>
public sealed class BackOfficeGroupsTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    private HubFactory Hub => hub.Factory;
    private SignUpStore SignUps => Hub.Services.GetRequiredService<SignUpStore>();

    private static string Page(WorkingGroup group) => $"/backoffice/groupes/{group.Key}";

    /// <summary>A group of capacity 1: person 1 confirmed, person 2 waiting.</summary>
    private async Task<(WorkingGroup Group, Guid Confirmed, Guid Waiting)> FullGroupAsync(string name, string modality = "ep")
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, name, 1, modality: modality);
        var first = await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1) with { Email = $"{Guid.NewGuid():N}@exemple.fr" });
        var second = await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 2) with { Email = $"{Guid.NewGuid():N}@exemple.fr" });
        Assert.Equal(SignUpResult.Confirmed, first.Result);
        Assert.Equal(SignUpResult.Waiting, second.Result);
        return (group, first.SignUpId!.Value, second.SignUpId!.Value);
    }

    private async Task<SignUpView> SignUpAsync(WorkingGroup group, Guid id) => (await SignUps.ListAsync(group.Key)).Single(s => s.Id == id);

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(BackOfficeFixture.Editor)]
    [InlineData(BackOfficeFixture.Admin)]
    public async Task List_EditorOrAdmin_ShowsGroupsWithCounts(string email)
    {
        var (group, _, _) = await FullGroupAsync($"Liste {email}");
        var client = await hub.SignedInAsync(email);
        var html = await client.GetStringAsync("/backoffice/groupes");
        Assert.Contains(group.Name, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page(group)}\"", html, StringComparison.Ordinal);
        Assert.Contains("Inscriptions ouvertes", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/backoffice/groupes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_Writer_Refused()
    {
        var (group, _, _) = await FullGroupAsync("Refusé au rédacteur");
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var list = await writer.Http.GetAsync("/backoffice/groupes");
        using var page = await writer.Http.GetAsync(Page(group));
        using var export = await writer.Http.GetAsync($"{Page(group)}?handler=Export");
        await AssertRefusedAsync(list);
        await AssertRefusedAsync(page);
        await AssertRefusedAsync(export);
        var dashboard = await writer.GetStringAsync("/backoffice");
        Assert.DoesNotContain("href=\"/backoffice/groupes\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_Writer_RefusedAndNothingChanges()
    {
        var (group, _, waiting) = await FullGroupAsync("Promotion refusée");
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var response = await writer.PostAsync($"{Page(group)}?handler=Promote", [new("id", waiting.ToString())], tokenPage: "/backoffice/contenu");
        await AssertRefusedAsync(response);
        Assert.Equal(SignUpStatus.Waiting, (await SignUpAsync(group, waiting)).Status);
    }

    [Theory]
    [InlineData(BackOfficeFixture.Editor)]
    [InlineData(BackOfficeFixture.Admin)]
    public async Task Promote_Waiting_ConfirmedAndEmailed(string email)
    {
        var (group, _, waiting) = await FullGroupAsync($"Promotion {email}");
        var client = await hub.SignedInAsync(email);
        var html = await client.GetStringAsync(Page(group));
        Assert.Contains("Confirmer (quitter la liste d'attente)", html, StringComparison.Ordinal);

        using var response = await client.PostAsync($"{Page(group)}?handler=Promote", [new("id", waiting.ToString())], tokenPage: Page(group));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var view = await SignUpAsync(group, waiting);
        Assert.Equal(SignUpStatus.Confirmed, view.Status);
        var mails = await PoleTestClient.MailsToAsync(Hub, view.Email);
        Assert.Contains(mails, m => (m.Subject ?? "").StartsWith("Une place s'est libérée", StringComparison.Ordinal));
        var after = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Inscription confirmée", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_ConfirmedOne_MessageAndNoChange()
    {
        var (group, confirmed, _) = await FullGroupAsync("Promotion inutile");
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        using var response = await client.PostAsync($"{Page(group)}?handler=Promote", [new("id", confirmed.ToString())], tokenPage: Page(group));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Seule une inscription en liste d&#x27;attente", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BackOfficeFixture.Editor)]
    [InlineData(BackOfficeFixture.Admin)]
    public async Task Decline_WithMessage_DeclinedEmailedAndWaitingPromoted(string email)
    {
        var (group, confirmed, waiting) = await FullGroupAsync($"Refus {email}");
        var client = await hub.SignedInAsync(email);

        using var response = await client.PostAsync($"{Page(group)}?handler=Decline",
            [new("id", confirmed.ToString()), new("message", "Le groupe est réservé aux structures du territoire.")], tokenPage: Page(group));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var declined = await SignUpAsync(group, confirmed);
        Assert.Equal(SignUpStatus.Declined, declined.Status);
        Assert.Equal(SignUpStatus.Confirmed, (await SignUpAsync(group, waiting)).Status);
        var mail = (await PoleTestClient.MailsToAsync(Hub, declined.Email)).Last();
        Assert.Contains("réservé aux structures du territoire", mail.TextBody ?? "", StringComparison.Ordinal);

        using var again = await client.PostAsync($"{Page(group)}?handler=Decline", [new("id", confirmed.ToString())], tokenPage: Page(group));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = await client.GetStringAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("déjà annulée ou refusée", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decline_Writer_RefusedAndNothingChanges()
    {
        var (group, confirmed, _) = await FullGroupAsync("Refus interdit");
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var response = await writer.PostAsync($"{Page(group)}?handler=Decline", [new("id", confirmed.ToString())], tokenPage: "/backoffice/contenu");
        await AssertRefusedAsync(response);
        Assert.Equal(SignUpStatus.Confirmed, (await SignUpAsync(group, confirmed)).Status);
    }

    [Fact]
    public async Task Decline_CancelledByThePerson_Message()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Refus d'une annulée", 5);
        var outcome = await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 7));
        await SignUps.CancelByIdAsync(outcome.SignUpId!.Value, group.Key, "http://localhost");
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        using var response = await client.PostAsync($"{Page(group)}?handler=Decline", [new("id", outcome.SignUpId.Value.ToString())], tokenPage: Page(group));
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("déjà annulée ou refusée", page, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Cancelled, (await SignUpAsync(group, outcome.SignUpId.Value)).Status);
    }

    [Fact]
    public async Task UnknownIds_Return404()
    {
        var (group, _, _) = await FullGroupAsync("Identifiants inconnus");
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        using var page = await client.Http.GetAsync($"/backoffice/groupes/{Guid.NewGuid()}");
        using var export = await client.Http.GetAsync($"/backoffice/groupes/{Guid.NewGuid()}?handler=Export");
        using var decline = await client.PostAsync($"{Page(group)}?handler=Decline", [new("id", Guid.NewGuid().ToString())], tokenPage: Page(group));
        using var promote = await client.PostAsync($"{Page(group)}?handler=Promote", [new("id", Guid.NewGuid().ToString())], tokenPage: Page(group));
        using var otherGroup = await client.PostAsync($"/backoffice/groupes/{Guid.NewGuid()}?handler=Status", [new("status", WorkingGroupStatus.Running)], tokenPage: Page(group));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, decline.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, promote.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherGroup.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutAntiforgery_Rejected()
    {
        var (group, confirmed, _) = await FullGroupAsync("Sans jeton");
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        using var response = await client.Http.PostAsync($"{Page(group)}?handler=Decline", new FormUrlEncodedContent([new("id", confirmed.ToString())]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SignUpStatus.Confirmed, (await SignUpAsync(group, confirmed)).Status);
    }

    [Fact]
    public async Task Filter_ByStatus_ShowsOnlyThatStatus()
    {
        var (group, confirmed, waiting) = await FullGroupAsync("Filtre");
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var html = await client.GetStringAsync($"{Page(group)}?statut=attente");
        Assert.Contains($"id=\"signup-{waiting}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"signup-{confirmed}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Editor_CsvWithTheSignUps()
    {
        var (group, confirmed, _) = await FullGroupAsync("Export");
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        using var response = await client.Http.GetAsync($"{Page(group)}?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains((await SignUpAsync(group, confirmed)).Email, csv, StringComparison.Ordinal);
        Assert.Contains("Liste d'attente", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_MissingSubject_422NamingTheField()
    {
        var (group, _, _) = await FullGroupAsync("Courriel sans objet");
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        using var response = await client.PostAsync($"{Page(group)}?handler=Email", [new("subject", " "), new("message", "Bonjour")], tokenPage: Page(group));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Un objet est requis", HtmlForm.ErrorOf(html, "subject"), StringComparison.Ordinal);
        Assert.Null(HtmlForm.ErrorOf(html, "message"));
    }

    [Fact]
    public async Task Email_Valid_SentToConfirmedOnlyUnlessWaitingIncluded()
    {
        var (group, confirmed, waiting) = await FullGroupAsync("Courriel aux participants");
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        using var response = await client.PostAsync($"{Page(group)}?handler=Email", [new("subject", "Ordre du jour"), new("message", "Voici l'ordre du jour de la séance.")], tokenPage: Page(group));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmedMails = await PoleTestClient.MailsToAsync(Hub, (await SignUpAsync(group, confirmed)).Email);
        var waitingMails = await PoleTestClient.MailsToAsync(Hub, (await SignUpAsync(group, waiting)).Email);
        Assert.Contains(confirmedMails, m => m.Subject == "Ordre du jour");
        Assert.DoesNotContain(waitingMails, m => m.Subject == "Ordre du jour");
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Courriel envoyé à 1 participant·e.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ConcertationWithoutBaseStructure_409InFrenchThenAllowed()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Concertation au back office", 10, modality: "concertation");
        await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 31, "institution") with { Email = "inst-bo@exemple.fr" });
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var html = await client.GetStringAsync(Page(group));
        Assert.Contains("Règle non respectée", html, StringComparison.Ordinal);
        Assert.Contains("Institution : <strong>1</strong>", html, StringComparison.Ordinal);

        using var refused = await client.PostAsync($"{Page(group)}?handler=Status", [new("status", WorkingGroupStatus.Running)], tokenPage: Page(group));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("au moins une structure de base", HtmlForm.ErrorOf(await refused.Content.ReadAsStringAsync(), "status"), StringComparison.Ordinal);

        await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 32) with { Email = "base-bo@exemple.fr" });
        Assert.Contains("Règle respectée", await client.GetStringAsync(Page(group)), StringComparison.Ordinal);
        using var accepted = await client.PostAsync($"{Page(group)}?handler=Status", [new("status", WorkingGroupStatus.Running)], tokenPage: Page(group));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await Hub.CatchUpAsync();
        Assert.Equal(WorkingGroupStatus.Running, Hub.Services.GetRequiredService<WorkingGroupCatalog>().Find(group.Key)!.Status);
    }

    [Fact]
    public async Task Status_Unknown_422()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Statut farfelu", 10);
        var client = await hub.SignedInAsync(BackOfficeFixture.Admin);
        using var response = await client.PostAsync($"{Page(group)}?handler=Status", [new("status", "bientot")], tokenPage: Page(group));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Statut inconnu", HtmlForm.ErrorOf(await response.Content.ReadAsStringAsync(), "status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Writer_Refused()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Statut par un rédacteur", 10);
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var response = await writer.PostAsync($"{Page(group)}?handler=Status", [new("status", WorkingGroupStatus.Finished)], tokenPage: "/backoffice/contenu");
        await AssertRefusedAsync(response);
        await Hub.CatchUpAsync();
        Assert.Equal(WorkingGroupStatus.Open, Hub.Services.GetRequiredService<WorkingGroupCatalog>().Find(group.Key)!.Status);
    }
}
