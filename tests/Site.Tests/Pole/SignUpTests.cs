using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;
using static PoleKnowledge.Site.Tests.Pole.PoleTestClient;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>Working-group sign-ups over HTTP: double opt-in, confirmation with .ics and cancellation link, waiting list and promotion, refusals.</summary>
public sealed class SignUpTests(PoleHubFixture fixture) : IClassFixture<PoleHubFixture>
{
    private HubFactory Hub => fixture.Hub;
    private SignUpStore SignUps => Hub.Services.GetRequiredService<SignUpStore>();

    private static Dictionary<string, object> Entry(string email, string category = "structure-de-base") => new()
    {
        ["name"] = "Camille Martin",
        ["email"] = email,
        ["structureName"] = "Association Les Jardins",
        ["role"] = "Coordinatrice",
        ["category"] = category,
        ["brings"] = "Dix ans d'accueil de bénévoles.",
        ["expects"] = new[] { "contacts" },
        ["consent"] = "on",
    };

    /// <summary>Opens a link from an e-mail and presses its button, as a person would.</summary>
    private static async Task<string> FollowMailLinkAsync(HttpClient client, string link)
    {
        var path = new Uri(link).PathAndQuery;
        var page = await client.GetStringAsync(path);
        var (response, html) = await PostFormAsync(client, path, page, [new("jeton", InputValue(page, "jeton"))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return html;
    }

    [Fact]
    public async Task Visitor_SignsUpConfirmsByMail_GetsConfirmationWithIcsAndCancelLink()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe double opt-in", 5);
        using var client = Hub.CreateClient();

        var (response, body) = await PostEntryAsync(Hub, client, SignUpForm, Entry("camille@exemple.fr"), group.Key.ToString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("e-mail", body!["messageOnSubmit"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.PendingEmail, (await SignUps.ListAsync(group.Key)).Single().Status);
        var optIn = (await MailsToAsync(Hub, "camille@exemple.fr")).Single();
        Assert.Contains("Confirmez", optIn.Subject, StringComparison.Ordinal);

        var confirmed = await FollowMailLinkAsync(client, LinkIn(optIn, SignUpRoutes.Confirm));

        Assert.Contains("est confirmée", confirmed, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Confirmed, (await SignUps.ListAsync(group.Key)).Single().Status);
        var mail = (await MailsToAsync(Hub, "camille@exemple.fr")).Last();
        Assert.StartsWith("Inscription confirmée", mail.Subject, StringComparison.Ordinal);
        var ics = mail.Attachments.OfType<MimePart>().Single(a => a.FileName == "seances.ics");
        using var icsStream = new MemoryStream();
        await ics.Content!.DecodeToAsync(icsStream);
        var calendar = Encoding.UTF8.GetString(icsStream.ToArray());
        Assert.Contains("BEGIN:VEVENT", calendar, StringComparison.Ordinal);
        Assert.Contains("Séance de lancement", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20270304T130000Z", calendar, StringComparison.Ordinal);
        Assert.Contains(SignUpRoutes.Cancel, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmLink_OpenedByAScanner_ChangesNothingUntilTheButton()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe lien scanné", 5);
        using var client = Hub.CreateClient();
        await PostEntryAsync(Hub, client, SignUpForm, Entry("scan@exemple.fr"), group.Key.ToString());
        var link = LinkIn((await MailsToAsync(Hub, "scan@exemple.fr")).Single(), SignUpRoutes.Confirm);

        var page = await client.GetStringAsync(new Uri(link).PathAndQuery);

        Assert.Contains("Confirmer mon inscription", page, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.PendingEmail, (await SignUps.ListAsync(group.Key)).Single().Status);
    }

    [Fact]
    public async Task BadToken_ShowsInvalidLinkWith404()
    {
        using var client = Hub.CreateClient();
        var page = await client.GetStringAsync(SignUpRoutes.Confirm + "?jeton=faux");
        var (response, html) = await PostFormAsync(client, SignUpRoutes.Confirm + "?jeton=faux", page, [new("jeton", "faux")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("pas (ou plus) valide", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_FinishedGroup_Returns422OnContentId()
    {
        var finished = Hub.Services.GetRequiredService<WorkingGroupCatalog>().All.First(g => g.Status == WorkingGroupStatus.Finished);
        using var client = Hub.CreateClient();

        var (response, body) = await PostEntryAsync(Hub, client, SignUpForm, Entry("tard@exemple.fr"), finished.Key.ToString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ne sont pas ouvertes", body.FieldErrors("contentId"), StringComparison.Ordinal);
        Assert.DoesNotContain(await SignUps.ListAsync(finished.Key), s => s.Email == "tard@exemple.fr");
    }

    [Fact]
    public async Task SignUpPage_RunningGroup_SaysClosedAndRefusesPosts()
    {
        var running = await WorkingGroupSeed.CreateAsync(Hub, "Groupe déjà en cours", 5, WorkingGroupStatus.Running);
        using var client = Hub.CreateClient();
        var url = SignUpRoutes.SignUpPage(WorkingGroupSeed.Segment(running));

        var page = await client.GetStringAsync(url);

        Assert.Contains("les inscriptions sont closes", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"email\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_SameEmailTwice_Returns422OnEmail()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe doublon", 5);
        using var client = Hub.CreateClient();
        var (first, _) = await PostEntryAsync(Hub, client, SignUpForm, Entry("double@exemple.fr"), group.Key.ToString());

        var (second, body) = await PostEntryAsync(Hub, client, SignUpForm, Entry("Double@Exemple.fr"), group.Key.ToString());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("déjà inscrite", body.FieldErrors("email"), StringComparison.Ordinal);
        Assert.Single(await SignUps.ListAsync(group.Key));
    }

    [Fact]
    public async Task Cancel_ConfirmedParticipant_PromotesFirstOnWaitingListAndMailsThem()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe deux places", 2);
        using var client = Hub.CreateClient();
        string[] people = ["a@liste.fr", "b@liste.fr", "c@liste.fr", "d@liste.fr"];
        foreach (var email in people)
        {
            await PostEntryAsync(Hub, client, SignUpForm, Entry(email), group.Key.ToString());
            await FollowMailLinkAsync(client, LinkIn((await MailsToAsync(Hub, email)).Single(), SignUpRoutes.Confirm));
        }
        var before = await SignUps.ListAsync(group.Key);
        Assert.Equal(["a@liste.fr", "b@liste.fr"], before.Where(s => s.Status == SignUpStatus.Confirmed).Select(s => s.Email).Order());
        Assert.Equal(["c@liste.fr", "d@liste.fr"], before.Where(s => s.Status == SignUpStatus.Waiting).OrderBy(s => s.Position).Select(s => s.Email));
        var waiting = (await MailsToAsync(Hub, "d@liste.fr")).Last();
        Assert.Contains("position 2", waiting.TextBody, StringComparison.Ordinal);

        var cancelled = await FollowMailLinkAsync(client, LinkIn((await MailsToAsync(Hub, "a@liste.fr")).Last(), SignUpRoutes.Cancel));

        Assert.Contains("est annulée", cancelled, StringComparison.Ordinal);
        var after = await SignUps.ListAsync(group.Key);
        Assert.Equal(SignUpStatus.Cancelled, after.Single(s => s.Email == "a@liste.fr").Status);
        Assert.Equal(SignUpStatus.Confirmed, after.Single(s => s.Email == "c@liste.fr").Status);
        Assert.Equal(SignUpStatus.Waiting, after.Single(s => s.Email == "d@liste.fr").Status);
        var promotion = (await MailsToAsync(Hub, "c@liste.fr")).Last();
        Assert.StartsWith("Une place s'est libérée", promotion.Subject, StringComparison.Ordinal);
        Assert.Contains(promotion.Attachments.OfType<MimePart>(), a => a.FileName == "seances.ics");

        // The promoted person's own cancellation link works in turn.
        await FollowMailLinkAsync(client, LinkIn(promotion, SignUpRoutes.Cancel));
        Assert.Equal(SignUpStatus.Confirmed, (await SignUps.ListAsync(group.Key)).Single(s => s.Email == "d@liste.fr").Status);
    }

    [Fact]
    public async Task SignUpPage_TwoSteps_WithoutJavaScript_SignsUp()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe page HTML", 5);
        using var client = Hub.CreateClient();
        var url = SignUpRoutes.SignUpPage(WorkingGroupSeed.Segment(group));
        var page1 = await client.GetStringAsync(url);
        Assert.Contains("Étape 1 sur 2", page1, StringComparison.Ordinal);

        var (r1, page2) = await PostFormAsync(client, url, page1,
        [
            new("name", "Léa Roux"), new("email", "lea@exemple.fr"), new("structureName", "SCIC Habitat"), new("category", "structure-de-base"), new("direction", "next"),
        ]);
        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        Assert.Contains("Étape 2 sur 2", page2, StringComparison.Ordinal);
        Hub.Clock.Advance(TimeSpan.FromSeconds(30));
        var (r2, done) = await PostFormAsync(client, url, page2,
        [
            new("brings", "Notre expérience de l'habitat partagé."), new("expects", "contacts"), new("expects", "services"), new("consent", "on"), new("direction", "next"),
        ]);

        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.Contains("Un e-mail vient de vous être envoyé", done, StringComparison.Ordinal);
        var signUp = (await SignUps.ListAsync(group.Key)).Single();
        Assert.Equal("lea@exemple.fr", signUp.Email);
        Assert.Equal("contacts, services", signUp.Expects);
    }

    [Fact]
    public async Task SignUpPage_Step1Invalid_StaysWithErrorsLinkedToFields()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe erreurs HTML", 5);
        using var client = Hub.CreateClient();
        var url = SignUpRoutes.SignUpPage(WorkingGroupSeed.Segment(group));
        var page1 = await client.GetStringAsync(url);

        var (_, html) = await PostFormAsync(client, url, page1, [new("email", "pas-une-adresse"), new("direction", "next")]);

        Assert.Contains("Étape 1 sur 2", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#f-name\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"f-email-help f-email-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-email-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUpPage_SkippingStep1_IsRefused()
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe saut d'étape", 5);
        using var client = Hub.CreateClient();
        var url = SignUpRoutes.SignUpPage(WorkingGroupSeed.Segment(group));
        var page1 = await client.GetStringAsync(url);
        Hub.Clock.Advance(TimeSpan.FromSeconds(30));

        // Page 2's answers posted with page 1's state: the server is still on step 1 and asks for its fields.
        var (_, html) = await PostFormAsync(client, url, page1,
            [new("brings", "x"), new("expects", "contacts"), new("consent", "on"), new("direction", "next")]);
        // A forged state is refused outright.
        var forged = page1.Replace(InputValue(page1, "__state"), "CfDJ8forged", StringComparison.Ordinal);
        var (_, forgedHtml) = await PostFormAsync(client, url, forged, [new("direction", "next")]);

        Assert.Contains("Étape 1 sur 2", html, StringComparison.Ordinal);
        Assert.Contains("f-name-error", html, StringComparison.Ordinal);
        Assert.Contains("expiré ou a été modifié", forgedHtml, StringComparison.Ordinal);
        Assert.Empty(await SignUps.ListAsync(group.Key));
    }
}
