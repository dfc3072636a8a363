using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>200 sign-ups at once for 20 seats: exactly 20 confirmed and 180 waiting, in a gapless order, on SQLite and PostgreSQL.</summary>
public sealed class SignUpRaceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ConcurrentSignUps_Sqlite_NeverOverbook()
    {
        using var hub = new HubFactory();
        await RunAsync(hub, "SQLite");
    }

    [PostgresFact]
    public async Task ConcurrentSignUps_Postgres_NeverOverbook()
    {
        // The server is shared (max_connections 100): 200 concurrent requests queue in a pool of 20 connections, as a real node would be configured.
        var database = TestEnvironment.NewPostgresDatabase() + ";Maximum Pool Size=20";
        try
        {
            using var hub = new HubFactory(postgres: database);
            await RunAsync(hub, "PostgreSQL");
        }
        finally
        {
            TestEnvironment.DropPostgresDatabase(database);
        }
    }

    private async Task RunAsync(HubFactory hub, string provider)
    {
        using (hub.CreateClient())
        {
            await hub.CatchUpAsync();
        }
        var group = await WorkingGroupSeed.CreateAsync(hub, "Groupe course", 20);
        var signUps = hub.Services.GetRequiredService<SignUpStore>();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => signUps.SignUpAsync(WorkingGroupSeed.Verified(group, i)))));

        watch.Stop();
        var stored = await signUps.ListAsync(group.Key);
        output.WriteLine($"{provider}: 200 concurrent sign-ups in {watch.ElapsedMilliseconds} ms → {stored.Count(s => s.Status == SignUpStatus.Confirmed)} confirmed, {stored.Count(s => s.Status == SignUpStatus.Waiting)} waiting.");
        Assert.Equal(20, outcomes.Count(o => o.Result == SignUpResult.Confirmed));
        Assert.Equal(180, outcomes.Count(o => o.Result == SignUpResult.Waiting));
        Assert.Equal(20, stored.Count(s => s.Status == SignUpStatus.Confirmed));
        Assert.Equal(180, stored.Count(s => s.Status == SignUpStatus.Waiting));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), stored.Select(s => s.Position).Order());
        Assert.True(stored.Where(s => s.Status == SignUpStatus.Confirmed).Max(s => s.Position) < stored.Where(s => s.Status == SignUpStatus.Waiting).Min(s => s.Position));
        Assert.Equal(Enumerable.Range(1, 180), outcomes.Where(o => o.Result == SignUpResult.Waiting).Select(o => o.WaitingRank!.Value).Order());
    }
}
