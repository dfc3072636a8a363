using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.Persistence;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;
using static PoleKnowledge.Site.Tests.Pole.PoleTestClient;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>
/// Double opt-in hygiene on the injected clock: confirmation links expire (here after the default 7 days), say so,
/// and « Renvoyer le lien » sends a fresh one to the sign-up's own address, rate limited; expired pending
/// sign-ups take no seat, do not block a new attempt and are purged by the retention job.
/// </summary>
public sealed class SignUpExpiryTests(SignUpExpiryTests.Fixture fixture) : IClassFixture<SignUpExpiryTests.Fixture>
{
    /// <summary>One hub for the class: no scheduled retention run (the clock jumps), 3 resends per IP and minute.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public HubFactory Hub { get; } = new();

        public async Task InitializeAsync()
        {
            Hub.Settings["PoleSignUps:RunOnSchedule"] = "false";
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
    private SignUpStore SignUps => Hub.Services.GetRequiredService<SignUpStore>();

    private async Task<(WorkingGroup Group, string Email, string Link)> PendingAsync(string name, int capacity = 5)
    {
        var group = await WorkingGroupSeed.CreateAsync(Hub, name, capacity);
        var email = $"{Guid.NewGuid():N}@exemple.fr";
        var outcome = await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1) with { Email = email, EmailVerified = false });
        Assert.Equal(SignUpResult.PendingEmail, outcome.Result);
        return (group, email, LinkIn((await MailsToAsync(Hub, email)).Single(), SignUpRoutes.Confirm));
    }

    private static async Task<(HttpResponseMessage Response, string Html)> PressAsync(HttpClient client, string link, string? handler = null)
    {
        var path = new Uri(link).PathAndQuery;
        var page = await client.GetStringAsync(path);
        var url = handler is null ? path : $"{path}&handler={handler}";
        return await PostFormAsync(client, url, page, [new("jeton", InputValue(page, "jeton"))]);
    }

    [Fact]
    public async Task Confirm_AfterSevenDays_ExpiredPageAndNoSeat()
    {
        var (group, _, link) = await PendingAsync("Lien expiré");
        Hub.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var client = Hub.CreateClient();

        var (response, html) = await PressAsync(client, link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce lien de confirmation a expiré", html, StringComparison.Ordinal);
        Assert.Contains("7 jours", html, StringComparison.Ordinal);
        Assert.Contains("Renvoyer le lien", html, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.PendingEmail, (await SignUps.ListAsync(group.Key)).Single().Status);
        Assert.False((await SignUps.CountsAsync()).ContainsKey(group.Key));
    }

    [Fact]
    public async Task Confirm_WithinSevenDays_Confirms()
    {
        var (group, _, link) = await PendingAsync("Lien encore valable");
        Hub.Clock.Advance(TimeSpan.FromDays(6));
        using var client = Hub.CreateClient();
        var (_, html) = await PressAsync(client, link);
        Assert.Contains("est confirmée", html, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Confirmed, (await SignUps.ListAsync(group.Key)).Single().Status);
    }

    [Fact]
    public async Task Resend_ExpiredLink_NewLinkToTheSameAddressOldOneDead()
    {
        var (group, email, link) = await PendingAsync("Lien renvoyé");
        Hub.Clock.Advance(TimeSpan.FromDays(8));
        using var client = Hub.CreateClient();

        var (resent, html) = await PressAsync(client, link, "Resend");

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Contains("Un nouveau lien de confirmation vient d", html, StringComparison.Ordinal);
        var mails = await MailsToAsync(Hub, email);
        Assert.Equal(2, mails.Count);
        var fresh = LinkIn(mails[1], SignUpRoutes.Confirm);
        Assert.NotEqual(link, fresh);
        var (old, _) = await PressAsync(client, link);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        var (_, confirmed) = await PressAsync(client, fresh);
        Assert.Contains("est confirmée", confirmed, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Confirmed, (await SignUps.ListAsync(group.Key)).Single().Status);
    }

    [Fact]
    public async Task Resend_UnknownToken_404AndNoMail()
    {
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
        using var client = Hub.CreateClient();
        var (response, html) = await PressAsync(client, $"http://localhost{SignUpRoutes.Confirm}?jeton=inconnu", "Resend");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("n'est pas (ou plus) valide", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_ValidLink_SendsNothing()
    {
        var (_, email, link) = await PendingAsync("Lien valable non renvoyé");
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
        using var client = Hub.CreateClient();
        var (_, html) = await PressAsync(client, link, "Resend");
        Assert.Contains("encore valable", html, StringComparison.Ordinal);
        Assert.Single(await MailsToAsync(Hub, email));
    }

    [Fact]
    public async Task Resend_ManyTimesFromOneIp_429()
    {
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
        using var client = Hub.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var (response, _) = await PressAsync(client, $"http://localhost{SignUpRoutes.Confirm}?jeton=essai{i}", "Resend");
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Hub.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SignUpAgain_AfterExpiry_ReplacesTheExpiredAttempt()
    {
        var (group, email, _) = await PendingAsync("Nouvelle tentative");
        var again = await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1) with { Email = email, EmailVerified = false });
        Assert.Equal(SignUpResult.AlreadySignedUp, again.Result);

        Hub.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        var after = await SignUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1) with { Email = email, EmailVerified = true });

        Assert.Equal(SignUpResult.Confirmed, after.Result);
        Assert.Equal(after.SignUpId, (await SignUps.ListAsync(group.Key)).Single().Id);
    }

    [Fact]
    public async Task Retention_ExpiredPending_PurgedAfterTheGraceOnly()
    {
        var (group, _, _) = await PendingAsync("Purge des non confirmées");
        var job = Hub.Services.GetRequiredService<SignUpRetentionJob>();

        Hub.Clock.Advance(TimeSpan.FromDays(13));
        await job.RunOnceAsync();
        Assert.Single(await SignUps.ListAsync(group.Key));

        Hub.Clock.Advance(TimeSpan.FromDays(2));
        await job.RunOnceAsync();
        Assert.Empty(await SignUps.ListAsync(group.Key));
        await using var db = Hub.Services.GetRequiredService<PoleDbContextFactory>().CreateDbContext();
        Assert.Contains(await db.RetentionLog.Where(l => l.Scope == "sign-ups:unconfirmed").ToListAsync(), l => l.Action == "deleted" && l.Count >= 1);
    }
}
