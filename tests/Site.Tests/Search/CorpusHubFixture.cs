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

    /// <summary>
    /// The corpus bundled with the tests (Search/Corpus/corpus.tar.gz, a copy of ../shared/corpus), extracted once
    /// into the temp folder: the judged queries always run on the same documents, wherever the repository lives.
    /// </summary>
    public static string CorpusFolder()
    {
        var archive = Path.Combine(AppContext.BaseDirectory, "Search", "Corpus", "corpus.tar.gz");
        if (!File.Exists(archive))
        {
            throw new FileNotFoundException("The bundled search corpus is missing from the test output.", archive);
        }
        var target = Path.Combine(Path.GetTempPath(), $"pk-corpus-{new FileInfo(archive).Length}");
        var folder = Path.Combine(target, "corpus");
        if (Directory.Exists(folder))
        {
            return folder;
        }
        // Extracted beside, then renamed: a run stopped half-way never leaves a partial corpus behind.
        var partial = target + "." + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(partial);
        using (var gzip = new System.IO.Compression.GZipStream(File.OpenRead(archive), System.IO.Compression.CompressionMode.Decompress))
        {
            System.Formats.Tar.TarFile.ExtractToDirectory(gzip, partial, overwriteFiles: false);
        }
        try
        {
            Directory.Move(partial, target);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            Directory.Delete(partial, recursive: true);
        }
        return folder;
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
        // The feed indexed the corpus in batches, leaving segments and deleted documents that background merges fold
        // in at moments of their own: BM25's statistics (which count deleted documents) then differ slightly from
        // run to run, enough to swap two near-equal hits of a judged query. A full rebuild, as after any bulk import,
        // gives every run the same statistics.
        await Factory.Services.GetRequiredService<PoleKnowledge.Cms.Indexing.ContentIndex>().RebuildAsync(null, timeout.Token);
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
