using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Extensions.Members;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;
using static PoleKnowledge.Site.Tests.Pole.PoleTestClient;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>Member accounts over HTTP: register and confirm, sign in, declare a structure for review, invitations, forged ids, export, deletion.</summary>
public sealed class MemberTests(PoleHubFixture fixture) : IClassFixture<PoleHubFixture>
{
    private const string Password = "Un-mot-de-passe-solide-2027";
    private HubFactory Hub => fixture.Hub;

    private HttpClient NewBrowser() => Hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> RegisteredMemberAsync(string email)
    {
        var browser = NewBrowser();
        var page = await browser.GetStringAsync("/espace-membre/inscription");
        var (registered, html) = await PostFormAsync(browser, "/espace-membre/inscription", page,
            [new("Email", email), new("DisplayName", "Membre " + email), new("Password", Password), new("Consent", "true")]);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("Compte créé", html, StringComparison.Ordinal);
        var mail = (await MailsToAsync(Hub, email)).Last();
        var link = Regex.Match(mail.TextBody!, @"https?://\S+/espace-membre/confirmer\?\S+").Value;
        var path = new Uri(link).PathAndQuery;
        var confirm = await browser.GetStringAsync(path);
        var (confirmed, confirmedHtml) = await PostFormAsync(browser, path, confirm, [new("id", InputValue(confirm, "id")), new("jeton", InputValue(confirm, "jeton"))]);
        Assert.Contains("Adresse confirmée", confirmedHtml, StringComparison.Ordinal);
        await SignInAsync(browser, email);
        return browser;
    }

    private static async Task SignInAsync(HttpClient browser, string email)
    {
        var login = await browser.GetStringAsync("/espace-membre/connexion");
        var (response, _) = await PostFormAsync(browser, "/espace-membre/connexion", login, [new("Email", email), new("Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Declares a structure through the two pages of the structure form; returns its key.</summary>
    private async Task<Guid> DeclareStructureAsync(HttpClient browser, string name)
    {
        var page1 = await browser.GetStringAsync("/espace-membre/structures/nouvelle");
        var (_, page2) = await PostFormAsync(browser, "/espace-membre/structures/nouvelle", page1,
        [
            new("structureName", name), new("legalForm", "association-loi-1901"), new("category", "structure-de-base"), new("commune", "rennes"),
            new("summary", "Une association de quartier."), new("direction", "next"),
        ]);
        Assert.Contains("Étape 2 sur 2", page2, StringComparison.Ordinal);
        var (saved, done) = await PostFormAsync(browser, "/espace-membre/structures/nouvelle", page2,
            [new("rna", "W353001234"), new("contactEmail", "contact@asso.example.fr"), new("needs", "locaux"), new("consent", "on"), new("direction", "next")]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Elle sera relue par", done, StringComparison.Ordinal);
        var account = await browser.GetStringAsync("/espace-membre");
        return Guid.Parse(Regex.Match(account, $"/espace-membre/structures/([0-9a-f-]{{36}})\">{Regex.Escape(name)}<").Groups[1].Value);
    }

    [Fact]
    public async Task Member_RegistersConfirmsSignsIn_AndDeclaresAStructureForReview()
    {
        using var browser = await RegisteredMemberAsync("nadia@asso.example.fr");

        var key = await DeclareStructureAsync(browser, "Association Quartier Nord");

        var draft = await Hub.Services.GetRequiredService<ContentStore>().GetAsync(key);
        Assert.Equal("structureProfile", draft!.ContentType);
        Assert.Empty(draft.Published);
        Assert.Equal("W353001234", draft.Data.InvariantValues["rna"]!.GetValue<string>());
        var edit = await browser.GetStringAsync($"/espace-membre/structures/{key}");
        Assert.Contains("value=\"Association Quartier Nord\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_BeforeConfirmingEmail_IsRefused()
    {
        using var browser = NewBrowser();
        var page = await browser.GetStringAsync("/espace-membre/inscription");
        await PostFormAsync(browser, "/espace-membre/inscription", page, [new("Email", "presse@exemple.fr"), new("DisplayName", "Pressé"), new("Password", Password), new("Consent", "true")]);
        var login = await browser.GetStringAsync("/espace-membre/connexion");

        var (response, html) = await PostFormAsync(browser, "/espace-membre/connexion", login, [new("Email", "presse@exemple.fr"), new("Password", Password)]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("abord votre adresse", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ShortPasswordAndNoConsent_ShowsErrorsPerField()
    {
        using var browser = NewBrowser();
        var page = await browser.GetStringAsync("/espace-membre/inscription");
        var (response, html) = await PostFormAsync(browser, "/espace-membre/inscription", page, [new("Email", "court@exemple.fr"), new("DisplayName", "Court"), new("Password", "court")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"f-consent-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_Anonymous_RedirectsToMemberLogin()
    {
        using var browser = NewBrowser();
        using var response = await browser.GetAsync("/espace-membre");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/espace-membre/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_EditingAnotherStructure_Gets404AndNothingChanges()
    {
        using var owner = await RegisteredMemberAsync("proprio@asso.example.fr");
        var key = await DeclareStructureAsync(owner, "Coop du Proprio");
        using var intruder = await RegisteredMemberAsync("intrus@exemple.fr");

        using var get = await intruder.GetAsync($"/espace-membre/structures/{key}");
        var ownPage = await intruder.GetStringAsync("/espace-membre/structures/nouvelle");
        var (post, _) = await PostFormAsync(intruder, $"/espace-membre/structures/{key}", ownPage, [new("structureName", "Piratée"), new("direction", "next")]);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var draft = await Hub.Services.GetRequiredService<ContentStore>().GetAsync(key);
        Assert.True(draft!.Data.Names.ContainsValue("Coop du Proprio"));
    }

    [Fact]
    public async Task Owner_InvitesAnother_WhoThenManagesTheStructure()
    {
        using var owner = await RegisteredMemberAsync("chef@asso.example.fr");
        var key = await DeclareStructureAsync(owner, "Asso Partagée");
        var account = await owner.GetStringAsync("/espace-membre");
        var (invited, _) = await PostFormAsync(owner, "/espace-membre?handler=invite", account, [new("structure", key.ToString()), new("email", "adjoint@asso.example.fr")]);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var invitation = (await MailsToAsync(Hub, "adjoint@asso.example.fr")).Single();
        var path = new Uri(Regex.Match(invitation.TextBody!, @"https?://\S+/espace-membre/invitation\?jeton=\S+").Value).PathAndQuery;

        using var second = await RegisteredMemberAsync("adjoint@asso.example.fr");
        var accept = await second.GetStringAsync(path);
        var (accepted, _) = await PostFormAsync(second, path, accept, [new("jeton", InputValue(accept, "jeton"))]);
        var (reused, _) = await PostFormAsync(second, path, accept, [new("jeton", InputValue(accept, "jeton"))]);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        using var edit = await second.GetAsync($"/espace-membre/structures/{key}");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
    }

    [Fact]
    public async Task Export_ReturnsAccountStructuresAndSignUps()
    {
        using var browser = await RegisteredMemberAsync("export@asso.example.fr");
        await DeclareStructureAsync(browser, "Asso Export");
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe export membre", 5);
        await Hub.Services.GetRequiredService<SignUpStore>().SignUpAsync(WorkingGroupSeed.Verified(group, 1) with { Email = "export@asso.example.fr" });

        using var response = await browser.GetAsync("/espace-membre?handler=export");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("export@asso.example.fr", json["account"]!["email"]!.GetValue<string>());
        Assert.Equal("propriétaire", json["structures"]![0]!["role"]!.GetValue<string>());
        Assert.Equal(group.Key.ToString(), json["workingGroupSignUps"]![0]!["groupKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_SoleManager_WithdrawsProfileAndAnonymisesSignUps()
    {
        using var browser = await RegisteredMemberAsync("depart@asso.example.fr");
        var key = await DeclareStructureAsync(browser, "Asso Départ");
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe départ", 5);
        var signUps = Hub.Services.GetRequiredService<SignUpStore>();
        await signUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1) with { Email = "depart@asso.example.fr" });
        var account = await browser.GetStringAsync("/espace-membre");

        var (deleted, _) = await PostFormAsync(browser, "/espace-membre?handler=delete", account, [new("confirm", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.True((await Hub.Services.GetRequiredService<ContentStore>().GetAsync(key))!.Trashed);
        Assert.DoesNotContain(await signUps.ListAsync(group.Key), s => s.Email == "depart@asso.example.fr");
        var login = await browser.GetStringAsync("/espace-membre/connexion");
        var (signIn, _) = await PostFormAsync(browser, "/espace-membre/connexion", login, [new("Email", "depart@asso.example.fr"), new("Password", Password)]);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task Delete_WithAnotherManager_KeepsTheProfile()
    {
        using var owner = await RegisteredMemberAsync("reste-chef@asso.example.fr");
        var key = await DeclareStructureAsync(owner, "Asso Qui Reste");
        var account = await owner.GetStringAsync("/espace-membre");
        await PostFormAsync(owner, "/espace-membre?handler=invite", account, [new("structure", key.ToString()), new("email", "reste-adjoint@asso.example.fr")]);
        var path = new Uri(Regex.Match((await MailsToAsync(Hub, "reste-adjoint@asso.example.fr")).Single().TextBody!, @"https?://\S+/espace-membre/invitation\?jeton=\S+").Value).PathAndQuery;
        using var second = await RegisteredMemberAsync("reste-adjoint@asso.example.fr");
        var accept = await second.GetStringAsync(path);
        await PostFormAsync(second, path, accept, [new("jeton", InputValue(accept, "jeton"))]);

        var (deleted, _) = await PostFormAsync(owner, "/espace-membre?handler=delete", account, [new("confirm", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False((await Hub.Services.GetRequiredService<ContentStore>().GetAsync(key))!.Trashed);
        var managed = await Hub.Services.GetRequiredService<StructureProfileStore>().ManagedByAsync((await Hub.Services.CreateScope().ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PoleMember>>().FindByEmailAsync("reste-adjoint@asso.example.fr"))!.Id);
        Assert.True(managed.Single().IsOwner);
    }

    [Fact]
    public async Task Member_SignsUpToAGroup_PreFilledAndWithoutDoubleOptIn()
    {
        using var browser = await RegisteredMemberAsync("inscrite@asso.example.fr");
        var group = await WorkingGroupSeed.CreateAsync(Hub, "Groupe membres", 5);
        var url = SignUpRoutes.SignUpPage(WorkingGroupSeed.Segment(group));
        var page1 = await browser.GetStringAsync(url);
        Assert.Contains("value=\"inscrite@asso.example.fr\"", page1, StringComparison.Ordinal);

        var (_, page2) = await PostFormAsync(browser, url, page1,
            [new("name", "Membre inscrite"), new("email", "inscrite@asso.example.fr"), new("structureName", "Asso"), new("category", "structure-de-base"), new("direction", "next")]);
        Hub.Clock.Advance(TimeSpan.FromSeconds(30));
        var (_, done) = await PostFormAsync(browser, url, page2, [new("brings", "Du temps."), new("expects", "contacts"), new("consent", "on"), new("direction", "next")]);

        Assert.Contains("Votre inscription est confirmée", done, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Confirmed, (await Hub.Services.GetRequiredService<SignUpStore>().ListAsync(group.Key)).Single().Status);
        Assert.StartsWith("Inscription confirmée", (await MailsToAsync(Hub, "inscrite@asso.example.fr")).Last().Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberCookie_DoesNotOpenTheManagementApi()
    {
        using var browser = await RegisteredMemberAsync("api@asso.example.fr");
        using var response = await browser.GetAsync(ApiClientExtensions.Content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
