using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.Persistence;
using PoleKnowledge.Extensions.WorkingGroups;
using PoleKnowledge.Site.Tests.Infrastructure;
using static PoleKnowledge.Site.Tests.Pole.PoleTestClient;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>The retention job on a fake clock: nothing before the end + 12 months, then people anonymised, entries past their form's retention deleted, all logged.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task RunOnce_TwelveMonthsAfterGroupEnd_AnonymisesSignUpsAndLogs()
    {
        using var hub = new HubFactory();
        // The scheduled run would race the explicit ones when the fake clock jumps: push it out of the way.
        hub.Settings["PoleSignUps:RunOnSchedule"] = "false";
        using (hub.CreateClient())
        {
            await hub.CatchUpAsync();
        }
        var group = await WorkingGroupSeed.CreateAsync(hub, "Groupe rétention", 5, periodEnd: "2027-06-30");
        var signUps = hub.Services.GetRequiredService<SignUpStore>();
        await signUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1));
        await signUps.SignUpAsync(WorkingGroupSeed.Verified(group, 2));
        var job = hub.Services.GetRequiredService<SignUpRetentionJob>();

        hub.Clock.SetUtcNow(new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var early = await job.RunOnceAsync();
        hub.Clock.SetUtcNow(new DateTimeOffset(2028, 7, 2, 0, 0, 0, TimeSpan.Zero));
        var due = await job.RunOnceAsync();
        var again = await job.RunOnceAsync();

        Assert.Equal(0, early);
        Assert.True(due >= 2);
        Assert.Equal(0, again);
        var list = await signUps.ListAsync(group.Key);
        Assert.All(list, s => Assert.True(s.Anonymised));
        Assert.All(list, s => Assert.Equal("Anonyme", s.Name));
        Assert.DoesNotContain(list, s => s.Email.Contains("exemple.fr", StringComparison.Ordinal));
        Assert.Equal(2, list.Count(s => s.StructureName is not null));
        await using var db = hub.Services.GetRequiredService<PoleDbContextFactory>().CreateDbContext();
        var log = await db.RetentionLog.SingleAsync(l => l.Scope == $"group:{group.Key}");
        Assert.Equal("anonymised", log.Action);
        Assert.Equal(2, log.Count);
    }

    [Fact]
    public async Task RunOnce_DeleteMode_DeletesSignUpsAndOldFormEntries()
    {
        using var hub = new HubFactory();
        hub.Settings["PoleSignUps:Mode"] = "Delete";
        hub.Settings["PoleSignUps:RunOnSchedule"] = "false";
        using var client = hub.CreateClient();
        await hub.CatchUpAsync();
        var group = await WorkingGroupSeed.CreateAsync(hub, "Groupe suppression", 5, periodEnd: "2027-03-31");
        var signUps = hub.Services.GetRequiredService<SignUpStore>();
        await signUps.SignUpAsync(WorkingGroupSeed.Verified(group, 1));
        var (posted, _) = await PostEntryAsync(hub, client, ContactForm, new Dictionary<string, object>
        {
            ["name"] = "Ancien message", ["email"] = "ancien@exemple.fr", ["subject"] = "autre", ["message"] = "x", ["consent"] = "on",
        });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
        var job = hub.Services.GetRequiredService<SignUpRetentionJob>();

        hub.Clock.Advance(TimeSpan.FromDays(181));
        await job.RunOnceAsync();
        await using var db = hub.Services.GetRequiredService<PoleDbContextFactory>().CreateDbContext();
        Assert.Equal(0, await db.FormEntries.CountAsync(e => e.FormAlias == "contact"));
        Assert.Single(await signUps.ListAsync(group.Key));

        hub.Clock.SetUtcNow(new DateTimeOffset(2028, 4, 2, 0, 0, 0, TimeSpan.Zero));
        await job.RunOnceAsync();
        Assert.Empty(await signUps.ListAsync(group.Key));
        Assert.Contains(await db.RetentionLog.ToListAsync(), l => l.Scope == "form:contact" && l.Action == "deleted");
    }
}
