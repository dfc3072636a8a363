using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>The editors' counts, link expiry and the purge of unconfirmed sign-ups on PostgreSQL (the queries the back office and the retention job run).</summary>
public sealed class SignUpPostgresTests
{
    [PostgresFact]
    public async Task CountsExpiryAndPurge_Postgres_SameAsSqlite()
    {
        var database = TestEnvironment.NewPostgresDatabase();
        try
        {
            using var hub = new HubFactory(postgres: database);
            hub.Settings["PoleSignUps:RunOnSchedule"] = "false";
            using (hub.CreateClient())
            {
                await hub.CatchUpAsync();
            }
            var signUps = hub.Services.GetRequiredService<SignUpStore>();
            var group = await WorkingGroupSeed.CreateAsync(hub, "Groupe PostgreSQL", 1);
            await signUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1));
            await signUps.SignUpAsync(WorkingGroupSeed.Verified(group, 2));
            await signUps.SignUpAsync(WorkingGroupSeed.Verified(group, 3) with { EmailVerified = false });

            Assert.Equal(new SignUpCounts(1, 1, 1), (await signUps.CountsAsync())[group.Key]);

            hub.Clock.Advance(TimeSpan.FromDays(8));
            Assert.Equal(new SignUpCounts(1, 1, 0), (await signUps.CountsAsync())[group.Key]);
            var again = await signUps.SignUpAsync(WorkingGroupSeed.Verified(group, 3) with { EmailVerified = false });
            Assert.Equal(SignUpResult.PendingEmail, again.Result);

            hub.Clock.Advance(TimeSpan.FromDays(15));
            await hub.Services.GetRequiredService<SignUpRetentionJob>().RunOnceAsync();
            var left = await signUps.ListAsync(group.Key);
            Assert.Equal(2, left.Count);
            Assert.DoesNotContain(left, s => s.Status == SignUpStatus.PendingEmail);
        }
        finally
        {
            TestEnvironment.DropPostgresDatabase(database);
        }
    }
}
