using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>Sign-in, lockout, no user enumeration, sign-out, sessions ended by stamp changes, password reset, TOTP.</summary>
public sealed class BackOfficeSignInTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    [Fact]
    public async Task Dashboard_Anonymous_RedirectsToSignIn()
    {
        var client = BackOfficeClient.Create(hub.Factory);
        using var response = await client.Http.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackOfficeResponses_AreNeverCached_WithTheHeaderTheAntiforgeryCheckExpects()
    {
        var client = BackOfficeClient.Create(hub.Factory);
        // A response without a form (the redirect to the sign-in page) carries the back office's own header.
        using var redirect = await client.Http.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        // Both directives: with "no-store" alone, the anti-forgery check rewrote the header of every page with a
        // form and logged a warning each time.
        Assert.True(redirect.Headers.CacheControl is { NoCache: true, NoStore: true }, $"Cache-Control: {redirect.Headers.CacheControl}");
        using var signIn = await client.Http.GetAsync("/backoffice/connexion");
        Assert.True(signIn.Headers.CacheControl is { NoCache: true, NoStore: true }, $"Cache-Control: {signIn.Headers.CacheControl}");
    }

    [Fact]
    public async Task SignIn_GoodPassword_ReachesDashboardWithCsp()
    {
        var client = await hub.SignedInAsync(BackOfficeFixture.Editor);
        using var response = await client.Http.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("Relectures en attente", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownUserOrWrongPassword_SameAnswer()
    {
        var client = BackOfficeClient.Create(hub.Factory);
        using var unknown = await client.SignInAsync("personne@test.example", "Whatever-123-abc");
        using var wrong = await client.SignInAsync(BackOfficeFixture.Writer, "Wrong-password-123");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var a = await unknown.Content.ReadAsStringAsync();
        var b = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("mot de passe incorrect", a, StringComparison.Ordinal);
        Assert.Equal(Between(a, "role=\"alert\"", "</p>"), Between(b, "role=\"alert\"", "</p>"));
        Assert.False(unknown.Headers.Contains("Set-Cookie") && unknown.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".PoleKnowledge.BackOffice=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksAccountWithSameMessage()
    {
        const string email = "verrou@test.example";
        await hub.CreateUserAsync(email, BackOfficeRoles.Writer);
        var client = BackOfficeClient.Create(hub.Factory);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.SignInAsync(email, "Wrong-password-123");
        }
        using var locked = await client.SignInAsync(email, BackOfficeFixture.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("temporairement bloqué", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        var client = BackOfficeClient.Create(hub.Factory);
        using var response = await client.Http.PostAsync("/backoffice/connexion", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = BackOfficeFixture.Admin, ["Password"] = BackOfficeFixture.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_Throttled_Answers429()
    {
        using var factory = new Infrastructure.HubFactory(demo: false);
        factory.Settings["BackOffice:SignInPermitsPerMinute"] = "2";
        var client = BackOfficeClient.Create(factory);
        for (var i = 0; i < 2; i++)
        {
            using var _ = await client.SignInAsync("x@test.example", "Wrong-password-123");
        }
        using var third = await client.SignInAsync("x@test.example", "Wrong-password-123");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsSession()
    {
        var client = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var signOut = await client.PostAsync("/backoffice/deconnexion", [], tokenPage: "/backoffice");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.Http.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsOtherSessions()
    {
        const string email = "partout@test.example";
        await hub.CreateUserAsync(email, BackOfficeRoles.Writer);
        var laptop = await hub.SignedInAsync(email);
        var phone = await hub.SignedInAsync(email);
        using var response = await laptop.PostAsync("/backoffice/compte?handler=SignOutEverywhere", [], tokenPage: "/backoffice/compte");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var phoneAfter = await phone.Http.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
    }

    [Fact]
    public async Task Session_OfDeletedUser_IsRejected()
    {
        const string email = "supprime@test.example";
        var user = await hub.CreateUserAsync(email, BackOfficeRoles.Editor);
        var client = await hub.SignedInAsync(email);
        using (var scope = hub.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
            await users.DeleteAsync((await users.FindByEmailAsync(email))!);
        }
        using var response = await client.Http.GetAsync("/backoffice/contenu");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        _ = user;
    }

    [Fact]
    public async Task PasswordReset_ByMailedLink_SetsNewPassword()
    {
        const string email = "oubli@test.example";
        await hub.CreateUserAsync(email, BackOfficeRoles.Writer);
        var client = BackOfficeClient.Create(hub.Factory);
        using var unknown = await client.PostAsync("/backoffice/mot-de-passe-oublie", [new("Email", "inconnu@test.example")]);
        using var known = await client.PostAsync("/backoffice/mot-de-passe-oublie", [new("Email", email)]);
        Assert.Equal(Between(await unknown.Content.ReadAsStringAsync(), "role=\"status\"", "</p>"), Between(await known.Content.ReadAsStringAsync(), "role=\"status\"", "</p>"));
        var mail = Directory.GetFiles(hub.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(a => a.Address == email));
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", "https?://\\S+/backoffice/reinitialiser\\S+").Value;
        var path = new Uri(link).PathAndQuery;
        var page = await client.GetStringAsync(path);
        var fields = HtmlForm.Fields(page, "method=\"post\"", new Dictionary<string, string> { ["Password"] = "Brand-New-Password-77" });
        using var reset = await client.PostAsync(path, fields);
        Assert.Contains("mot de passe a été changé", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await hub.SignedInAsync(email, "Brand-New-Password-77");
        Assert.NotNull(again);
    }

    [Fact]
    public async Task TwoFactor_Enabled_AsksForCode()
    {
        const string email = "totp@test.example";
        await hub.CreateUserAsync(email, BackOfficeRoles.Editor);
        var client = await hub.SignedInAsync(email);
        var account = await client.GetStringAsync("/backoffice/compte");
        var key = System.Text.RegularExpressions.Regex.Match(account, "id=\"totp-key\">([^<]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var code = TotpTokenProvider.Compute(key, hub.Factory.Clock.GetUtcNow().UtcDateTime);
        using var enable = await client.PostAsync("/backoffice/compte?handler=EnableTwoFactor", [new("Code", code)], tokenPage: "/backoffice/compte");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);

        var fresh = BackOfficeClient.Create(hub.Factory);
        using var first = await fresh.SignInAsync(email, BackOfficeFixture.Password);
        Assert.StartsWith("/backoffice/connexion/code", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var wrong = await fresh.PostAsync("/backoffice/connexion/code", [new("Code", "000000")]);
        Assert.Contains("Code incorrect", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var right = await fresh.PostAsync("/backoffice/connexion/code", [new("Code", code)]);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        using var dashboard = await fresh.Http.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    private static string Between(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' not found");
        var end = text.IndexOf(to, start, StringComparison.Ordinal);
        return text[start..end];
    }
}
