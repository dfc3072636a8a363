using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Publishing;
using T = PoleKnowledge.Cms.Tests.Indexing.IndexTestTree;

namespace PoleKnowledge.Cms.Tests.Indexing;

/// <summary>
/// After a rebuild swaps in, its segments are merged into one in the background (<see cref="ContentIndex.MergeAfterRebuild"/>)
/// while the index answers and takes changes. The builds here flush every 50 documents, so a few hundred items leave several
/// segments; a merged-segment warmer holds the merge, so changes, a second rebuild or the disposal happen while it runs.
/// </summary>
public sealed class ContentIndexMergeTests : IDisposable
{
    private const int ExtraResources = 300;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly HoldingWarmer _warmer = new();
    private readonly List<IndexTestHost> _hosts = [];
    private string? _dataPath;

    /// <summary>The test tree and 300 more resources (French and English: two documents each).</summary>
    private static List<PublishedContent> Items()
    {
        var items = T.Build();
        var created = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < ExtraResources; i++)
        {
            items.Add(IndexTestHost.Item(Extra(i), T.Resources, "resource", 100 + i, 3, created,
                ("fr-FR", $"Fiche pratique {Code(i)}", created), ("en-US", $"Practical sheet {Code(i)}", created)));
        }
        return items;
    }

    /// <summary>A word only this resource's name holds.</summary>
    private static string Code(int i) => $"ref{i:D3}x";

    private static Guid Extra(int i) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("extra-" + i)).AsSpan(0, 16));

    private IndexTestHost Start(bool merge = true, bool hold = false)
    {
        var host = new IndexTestHost(TestSchema.Current, _dataPath, services => services.Configure<ContentIndexOptions>(o =>
        {
            o.MergeAfterRebuild = merge;
            o.BulkMinimumBufferedDocuments = 50;
            o.MergedSegmentWarmer = hold ? _warmer : null;
        }));
        _dataPath = host.DataPath;
        _hosts.Add(host);
        return host;
    }

    private static int Segments(IndexTestHost host) => host.Index.Search(searcher => searcher.IndexReader.Leaves.Count);

    /// <summary>Documents of an item in the index (one per culture).</summary>
    private static int Documents(IndexTestHost host, Guid key) =>
        host.Index.Search(searcher => searcher.Search(new TermQuery(new Term(ContentIndexFieldNames.Id, ContentIndexFieldNames.FormatKey(key))), 10).TotalHits);

    /// <summary>The last commit of a generation, as a restart would read it.</summary>
    private static SegmentInfos Committed(IndexTestHost host, string generation)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(host.Index.RootPath, generation));
        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos;
    }

    private static long Resources(IndexTestHost host) => host.Query($"children:{T.Resources}", take: 1).Total;

    [Fact]
    public async Task Rebuild_SeveralSegments_MergedIntoOneThenCommitted()
    {
        var host = Start();
        await host.LoadAsync(Items(), 10);
        var merge = await host.Index.MergeAfterRebuild.WaitAsync(Timeout);

        Assert.NotNull(merge);
        Assert.True(merge.SegmentsBefore > 1, $"{merge.SegmentsBefore} segment(s) before the merge: the test build should write several.");
        Assert.Equal(1, merge.SegmentsAfter);
        Assert.Equal(1, Segments(host));
        Assert.Equal(10 + ExtraResources, Resources(host));
        Assert.Equal([Extra(7)], host.Query(filters: ["name:" + Code(7)]).Keys);

        // Committed by the merge itself (closing the writer would commit it too): a crash now would reopen it merged.
        var generation = host.Index.CurrentGeneration!;
        var committed = Committed(host, generation);
        Assert.Equal(1, committed.Count);
        Assert.Equal("10", committed.UserData["position"]);
        host.Dispose();
        var restarted = Start();
        restarted.Cache.Load(Items(), 10);
        Assert.Equal(ContentIndexOpenStatus.Opened, restarted.Index.Open());
        Assert.Equal(generation, restarted.Index.CurrentGeneration);
        Assert.Equal(10, restarted.Index.Position);
        Assert.Equal(1, Segments(restarted));
        Assert.Equal(10 + ExtraResources, Resources(restarted));
    }

    [Fact]
    public async Task Rebuild_MergeTurnedOff_SegmentsStay()
    {
        var host = Start(merge: false);
        await host.LoadAsync(Items(), 10);
        Assert.Null(await host.Index.MergeAfterRebuild.WaitAsync(Timeout));
        Assert.True(Segments(host) > 1);
        Assert.Equal(10 + ExtraResources, Resources(host));
    }

    [Fact]
    public void Options_MergeAfterRebuild_OnByDefaultAndReadFromConfiguration()
    {
        Assert.True(Options(new Dictionary<string, string?>()).MergeAfterRebuild);
        Assert.False(Options(new Dictionary<string, string?> { ["PoleKnowledge:Indexing:MergeAfterRebuild"] = "false" }).MergeAfterRebuild);

        static ContentIndexOptions Options(Dictionary<string, string?> settings)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            services.AddHubIndexing();
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<IOptions<ContentIndexOptions>>().Value;
        }
    }

    [Fact]
    public async Task Merge_PublishAndUnpublishDuringIt_KeptAfterIt()
    {
        var host = Start(hold: true);
        await host.LoadAsync(Items(), 10);
        await _warmer.Reached.WaitAsync(Timeout);

        // The merge is running (held before it is committed to the writer): searches answer, changes are taken.
        Assert.Equal(10 + ExtraResources, Resources(host));
        host.Remove(11, Extra(3));
        var created = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var published = IndexTestHost.Item(Guid.NewGuid(), T.Resources, "resource", 999, 3, created, ("fr-FR", "Coopérative funéraire", created));
        host.Change(12, published);
        var renamed = IndexTestHost.Item(Extra(5), T.Resources, "resource", 105, 3, created, ("fr-FR", "Tiers-lieu nourricier", created));
        host.Change(13, renamed);
        Assert.Equal(10 + ExtraResources, Resources(host));
        Assert.Empty(host.Query(filters: ["name:" + Code(3)]).Keys);

        _warmer.Release();
        var merge = await host.Index.MergeAfterRebuild.WaitAsync(Timeout);
        Assert.NotNull(merge);
        // Segments flushed by the changes during the merge stay beside the merged one.
        Assert.True(merge.SegmentsAfter < merge.SegmentsBefore, $"{merge.SegmentsBefore} -> {merge.SegmentsAfter}");
        AssertChangesKept(host, published.Key);
        Assert.Equal(13, host.Index.Position);

        host.Dispose();
        var restarted = Start();
        restarted.Cache.Load([.. Items().Where(i => i.Key != Extra(3) && i.Key != Extra(5)), published, renamed], 13);
        Assert.Equal(ContentIndexOpenStatus.Opened, restarted.Index.Open());
        Assert.Equal(13, restarted.Index.Position);
        AssertChangesKept(restarted, published.Key);
    }

    private static void AssertChangesKept(IndexTestHost host, Guid published)
    {
        Assert.Equal(10 + ExtraResources, Resources(host));
        Assert.Empty(host.Query(filters: ["name:" + Code(3)]).Keys);
        Assert.Equal([published], host.Query(filters: ["name:funéraire"]).Keys);
        Assert.Equal([Extra(5)], host.Query(filters: ["name:nourricier"]).Keys);
        Assert.Empty(host.Query(filters: ["name:" + Code(5)]).Keys);
        // One document each (a delete lost in the merge would keep the old documents beside the new one).
        Assert.Equal(0, Documents(host, Extra(3)));
        Assert.Equal(1, Documents(host, Extra(5)));
        Assert.Equal(2, Documents(host, Extra(6)));
    }

    [Fact]
    public async Task Merge_SecondRebuildDuringIt_StopsWithoutErrorAndTheNewGenerationIsMerged()
    {
        var host = Start(hold: true);
        await host.LoadAsync(Items(), 10);
        await _warmer.Reached.WaitAsync(Timeout);
        var first = host.Index.MergeAfterRebuild;
        var firstGeneration = host.Index.CurrentGeneration;

        var second = host.Index.RebuildAsync(null, CancellationToken.None);
        // The swap closes the first generation, whose writer waits for the held merge to stop: release it then.
        await WhenAsync(() => host.Index.CurrentGeneration != firstGeneration);
        _warmer.Release();
        await second.WaitAsync(Timeout);

        Assert.Null(await first.WaitAsync(Timeout));
        var merge = await host.Index.MergeAfterRebuild.WaitAsync(Timeout);
        Assert.NotNull(merge);
        Assert.Equal(1, Segments(host));
        Assert.Equal(10 + ExtraResources, Resources(host));
        Assert.False(Directory.Exists(Path.Combine(host.Index.RootPath, firstGeneration!)));
    }

    [Fact]
    public async Task Merge_IndexDisposedDuringIt_StopsWithoutHangingAndTheIndexOpens()
    {
        var host = Start(hold: true);
        await host.LoadAsync(Items(), 10);
        await _warmer.Reached.WaitAsync(Timeout);
        var index = host.Index;
        var merge = index.MergeAfterRebuild;

        var disposing = Task.Run(host.Dispose);
        // The writer's disposal aborts the merge and waits for it to stop, which the held warmer delays until released:
        // released once the disposal has begun.
        await WhenAsync(() => index.IsDisposed);
        _warmer.Release();
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(await merge.WaitAsync(Timeout));

        var restarted = Start();
        restarted.Cache.Load(Items(), 10);
        Assert.Equal(ContentIndexOpenStatus.Opened, restarted.Index.Open());
        Assert.Equal(10, restarted.Index.Position);
        Assert.Equal(10 + ExtraResources, Resources(restarted));
    }

    /// <summary>Waits (briefly) for a condition another thread makes true.</summary>
    private static async Task WhenAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    public void Dispose()
    {
        _warmer.Release();
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
        _hosts.LastOrDefault()?.DeleteData();
        _warmer.Dispose();
    }

    /// <summary>Holds the first merged segment until released (later ones pass): the merge is then running, not yet committed to the writer.</summary>
    private sealed class HoldingWarmer : IndexWriter.IndexReaderWarmer, IDisposable
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _released = new();

        public Task Reached => _reached.Task;

        public void Release() => _released.Set();

        public override void Warm(AtomicReader reader)
        {
            _reached.TrySetResult();
            _released.Wait(Timeout);
        }

        public void Dispose() => _released.Dispose();
    }
}
