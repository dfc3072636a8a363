using Lucene.Net.Analysis.Core;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Indexing;
using T = PoleKnowledge.Cms.Tests.Indexing.IndexTestTree;

namespace PoleKnowledge.Cms.Tests.Indexing;

/// <summary>
/// An index records the signatures of its analysers (<see cref="ContentIndexFieldAnalyzer.Signature"/>) in its
/// commits; started with other ones, it serves the old generation and asks for a rebuild, which swaps in a
/// generation written with the new analysis.
/// </summary>
public sealed class ContentIndexAnalysisSignatureTests : IDisposable
{
    private readonly List<IndexTestHost> _running = [];
    private string? _dataPath;

    [Fact]
    public async Task Open_SameAnalysis_Opened()
    {
        await LoadAsync("v1");
        Stop();
        Assert.Equal(ContentIndexOpenStatus.Opened, Start("v1").Index.Open());
    }

    [Fact]
    public async Task Open_AnalyserSignatureChanged_ServesOldGenerationUntilRebuilt()
    {
        var old = (await LoadAsync("v1")).Index.CurrentGeneration;
        Stop();

        var changed = Start("v2");
        changed.Cache.Load(T.Build(), 10);
        Assert.Equal(ContentIndexOpenStatus.AnalysisChanged, changed.Index.Open());
        Assert.True(changed.Index.IsOpen);
        Assert.Equal(old, changed.Index.CurrentGeneration);
        var all = changed.Query($"descendants:{T.Home}").Total;
        Assert.True(all > 0);
        // A change applied to the old generation before the rebuild swaps in keeps its old signature.
        changed.Remove(11, T.Resource(0));
        Assert.Equal(all - 1, changed.Query($"descendants:{T.Home}").Total);
        Stop();

        var restarted = Start("v2");
        restarted.Cache.Load(T.Build(), 12);
        Assert.Equal(ContentIndexOpenStatus.AnalysisChanged, restarted.Index.Open());
        await restarted.Index.RebuildAsync(null, CancellationToken.None);
        Assert.NotEqual(old, restarted.Index.CurrentGeneration);
        Assert.Equal(all, restarted.Query($"descendants:{T.Home}").Total);
        Stop();

        Assert.Equal(ContentIndexOpenStatus.Opened, Start("v2").Index.Open());
    }

    [Fact]
    public async Task Open_SignatureAddedToAnIndexWithout_AnalysisChanged()
    {
        await LoadAsync(signature: null);
        Stop();
        Assert.Equal(ContentIndexOpenStatus.AnalysisChanged, Start("v1").Index.Open());
    }

    private async Task<IndexTestHost> LoadAsync(string? signature)
    {
        var host = Start(signature);
        await host.LoadAsync(T.Build(), 10);
        return host;
    }

    /// <summary>One "process" on the shared data folder, with a probe analyser of the given signature (none when null).</summary>
    private IndexTestHost Start(string? signature)
    {
        var host = new IndexTestHost(TestSchema.Current, _dataPath, services =>
        {
            if (signature is not null)
            {
                services.AddSingleton(new ContentIndexFieldAnalyzer("probe.text", new KeywordAnalyzer(), signature));
            }
        });
        _dataPath = host.DataPath;
        _running.Add(host);
        return host;
    }

    private void Stop()
    {
        foreach (var host in _running)
        {
            host.Dispose();
        }
        _running.Clear();
    }

    public void Dispose()
    {
        Stop();
        if (_dataPath is not null && Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
