using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.Persistence;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>One demo hub shared by a test class (its own SQLite file), caught up before the first test.</summary>
public sealed class PoleHubFixture : IAsyncLifetime
{
    public HubFactory Hub { get; } = new();

    public async Task InitializeAsync()
    {
        Hub.Settings["PoleForms:PerIpPermitsPerMinute"] = "1000";
        using var client = Hub.CreateClient();
        await Hub.CatchUpAsync();
    }

    public Task DisposeAsync()
    {
        Hub.Dispose();
        return Task.CompletedTask;
    }

    public async Task<int> CountEntriesAsync(string formAlias)
    {
        await using var db = Hub.Services.GetRequiredService<PoleDbContextFactory>().CreateDbContext();
        return await db.FormEntries.CountAsync(e => e.FormAlias == formAlias);
    }

    public async Task<string?> LastEntryJsonAsync(string formAlias)
    {
        await using var db = Hub.Services.GetRequiredService<PoleDbContextFactory>().CreateDbContext();
        return (await db.FormEntries.Where(e => e.FormAlias == formAlias).ToListAsync()).OrderBy(e => e.CreatedUtc).LastOrDefault()?.ValuesJson;
    }
}
