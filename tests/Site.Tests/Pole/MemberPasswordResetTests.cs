using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.Members;
using PoleKnowledge.Site.Tests.Infrastructure;
using static PoleKnowledge.Site.Tests.Pole.PoleTestClient;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>
/// Members' forgotten password: the same answer whether the account exists or not, a one-use link that expires
/// (on the injected clock), the account's password rules, and a rate limit per client IP.
/// </summary>
public sealed class MemberPasswordResetTests(MemberPasswordResetTests.Fixture fixture) : IClassFixture<MemberPasswordResetTests.Fixture>
{
    private const string OldPassword = "Un-mot-de-passe-solide-2027";
    private const string NewPassword = "Un-autre-mot-de-passe-2028";

    /// <summary>One hub for the class, 3 requests per IP and minute.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public HubFactory Hub { get; } = new();

        public async Task InitializeAsync()
        {
            Hub.Settings["PoleForms:PerIpPermitsPerMinute"] = "3";
            using var client = Hub.CreateClient();
            await Hub.CatchUpAsync();
        }

        public Task DisposeAsync()
        {
            Hub.Dispose();
            return Task.CompletedTask;
        }
    }

    private HubFactory Hub => fixture.Hub;

    private HttpClient NewBrowser() => Hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> MemberAsync()
    {
        var email = $"{Guid.NewGuid():N}@exemple.fr";
        using var scope = Hub.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PoleMember>>();
        var result = await users.CreateAsync(new PoleMember { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Membre" }, OldPassword);
        Assert.True(result.Succeeded);
        return email;
    }

    private async Task<(HttpResponseMessage Response, string Html)> AskAsync(HttpClient browser, string email)
    {
        var page = await browser.GetStringAsync("/espace-membre/mot-de-passe-oublie");
        return await PostFormAsync(browser, "/espace-membre/mot-de-passe-oublie", page, [new("Email", email)]);
    }

    private async Task<bool> CanSignInAsync(string email, string password)
    {
        using var browser = NewBrowser();
        var login = await browser.GetStringAsync("/espace-membre/connexion");
        var (response, _) = await PostFormAsync(browser, "/espace-membre/connexion", login, [new("Email", email), new("Password", password)]);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        var mail = (await MailsToAsync(Hub, email)).Last();
        var link = Regex.Match(mail.TextBody!, @"https?://\S+/espace-membre/mot-de-passe\?\S+").Value;
        Assert.NotEmpty(link);
        return new Uri(link).PathAndQuery;
    }

    [Fact]
    public async Task Reset_ByTheEmailLink_NewPasswordWorksOldOneNot_LinkSpent()
    {
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
        var email = await MemberAsync();
        using var browser = NewBrowser();
        var login = await browser.GetStringAsync("/espace-membre/connexion");
        Assert.Contains("href=\"/espace-membre/mot-de-passe-oublie\"", login, StringComparison.Ordinal);

        var (asked, askedHtml) = await AskAsync(browser, email);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Si un compte membre confirmé utilise cette adresse", WebUtility.HtmlDecode(askedHtml), StringComparison.Ordinal);
        var path = await ResetLinkAsync(email);
        var page = await browser.GetStringAsync(path);
        var (done, doneHtml) = await PostFormAsync(browser, path, page,
            [new("Id", InputValue(page, "Id")), new("jeton", InputValue(page, "jeton")), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Votre mot de passe est changé", doneHtml, StringComparison.Ordinal);
        Assert.True(await CanSignInAsync(email, NewPassword));
        Assert.False(await CanSignInAsync(email, OldPassword));
        using var again = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Ask_UnknownAddress_SameAnswerAndNoMail()
    {
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
        using var browser = NewBrowser();
        var (known, knownHtml) = await AskAsync(browser, await MemberAsync());
        var (unknown, unknownHtml) = await AskAsync(browser, "personne@exemple.fr");
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        static string Message(string html) => Regex.Match(html, "<p role=\"status\"[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(Message(knownHtml), Message(unknownHtml));
        Assert.Empty(await MailsToAsync(Hub, "personne@exemple.fr"));
    }

    [Fact]
    public async Task Reset_AfterTwoHours_LinkExpired()
    {
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
        var email = await MemberAsync();
        using var browser = NewBrowser();
        await AskAsync(browser, email);
        var path = await ResetLinkAsync(email);
        Hub.Clock.Advance(MemberAccountStore.PasswordResetLifetime + TimeSpan.FromMinutes(1));
        using var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Demander un nouveau lien", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await CanSignInAsync(email, OldPassword));
    }

    [Fact]
    public async Task Reset_WeakOrMismatchedPassword_422NamingTheField_PasswordUnchanged()
    {
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
        var email = await MemberAsync();
        using var browser = NewBrowser();
        await AskAsync(browser, email);
        var path = await ResetLinkAsync(email);
        var page = await browser.GetStringAsync(path);
        var (weak, weakHtml) = await PostFormAsync(browser, path, page,
            [new("Id", InputValue(page, "Id")), new("jeton", InputValue(page, "jeton")), new("NewPassword", "court"), new("ConfirmPassword", "court")]);
        var (mismatch, mismatchHtml) = await PostFormAsync(browser, path, page,
            [new("Id", InputValue(page, "Id")), new("jeton", InputValue(page, "jeton")), new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword + "x")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("id=\"f-password-error\"", weakHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        Assert.Contains("id=\"f-confirm-error\"", mismatchHtml, StringComparison.Ordinal);
        Assert.True(await CanSignInAsync(email, OldPassword));
    }

    [Fact]
    public async Task Reset_ForgedToken_400()
    {
        var email = await MemberAsync();
        using var scope = Hub.Services.CreateScope();
        var member = await scope.ServiceProvider.GetRequiredService<UserManager<PoleMember>>().FindByEmailAsync(email);
        using var browser = NewBrowser();
        using var response = await browser.GetAsync($"/espace-membre/mot-de-passe?id={member!.Id}&jeton=invente");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Ask_ManyTimesFromOneIp_429()
    {
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
        using var browser = NewBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var (response, _) = await AskAsync(browser, $"essai{i}@exemple.fr");
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
