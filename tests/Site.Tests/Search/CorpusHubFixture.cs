using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Import;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Search;

/// <summary>
/// One hub with the demo content and the whole ../shared/corpus (3,736 real French documents) imported once
/// for every search test class of the <see cref="CorpusCollection"/> (the import takes about 30 s).
/// </summary>
public sealed class CorpusHubFixture : IAsyncLifetime
{
    public HubFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public TimeSpan ImportTime { get; private set; }

    public static string CorpusFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("../shared/corpus not found above the test binaries.");
    }

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        await Factory.CatchUpAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var report = await Factory.Services.GetRequiredService<ContentImporter>().ImportAsync(CorpusFolder(), "tests");
        Assert.True(report.Succeeded, "The corpus import failed.");
        // 3,736 items through the feed: more than HubFactory's 30 s when the rest of the suite runs beside.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await Factory.Services.GetRequiredService<ChangeFeedConsumer>().WaitUntilCaughtUpAsync(timeout.Token);
        ImportTime = started.Elapsed;
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<CorpusHubFixture>
{
    public const string Name = "corpus";
}
