using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Search;
using PoleKnowledge.Cms.Search.Facets;
using PoleKnowledge.Extensions;

namespace PoleKnowledge.SearchBench;

/// <summary>
/// One search as the API runs it: a 2–3 word query, five facets counted (content type, resource type, theme,
/// mission, year), ten hits with highlighted snippets from the published cache. Plus a typo query (spelling
/// correction + fuzzy terms) and a type-ahead suggestion.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyColumns))]
public class SearchBenchmarks
{
    /// <summary>The figures are a median and a 95th percentile: both as columns beside the mean.</summary>
    private sealed class LatencyColumns : BenchmarkDotNet.Configs.ManualConfig
    {
        public LatencyColumns() => AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.P95);
    }

    public const string DataPathVariable = "POLE_SEARCH_BENCH_DATA";

    private IHost _host = null!;
    private SearchEngine _engine = null!;

    [Params("financement association", "statuts association loi", "economie sociale solidaire")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = FindSiteRoot() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["PoleKnowledge:DataPath"] = Environment.GetEnvironmentVariable(DataPathVariable) });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHubCms(builder.Configuration, builder.Environment.ContentRootPath, new PoleExtension());
        builder.Services.AddHubSearch();
        builder.Services.AddSingleton(sp => SearchFacets.ContentType(sp.GetRequiredService<ContentSchemaHolder>().Schema));
        builder.Services.AddSingleton(sp => SearchFacets.Choices(sp.GetRequiredService<ContentSchemaHolder>().Schema, "resourceType", "resourceType", "resource", "resourceType"));
        builder.Services.AddSingleton(sp => SearchFacets.Taxonomy(sp.GetRequiredService<ContentSchemaHolder>().Schema, "theme", "theme", "themes"));
        builder.Services.AddSingleton(sp => SearchFacets.Taxonomy(sp.GetRequiredService<ContentSchemaHolder>().Schema, "mission", "mission", "missions"));
        builder.Services.AddSingleton(_ => SearchFacets.Year());
        builder.Services.AddHubBackgroundServices();
        _host = builder.Build();
        _host.Services.GetRequiredService<HubDatabaseInitializer>().InitializeAsync().GetAwaiter().GetResult();
        _host.StartAsync().GetAwaiter().GetResult();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        _host.Services.GetRequiredService<ChangeFeedConsumer>().WaitUntilCaughtUpAsync(timeout.Token).GetAwaiter().GetResult();
        _host.Services.GetRequiredService<ContentIndexFeedSubscriber>().StartupRebuild.WaitAsync(timeout.Token).GetAwaiter().GetResult();
        _engine = _host.Services.GetRequiredService<SearchEngine>();
        // The engine's own cost: every iteration analyses, scores, counts facets and builds snippets again.
        _engine.CacheResults = false;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(Description = "query + 5 facets + 10 snippets")]
    public int Search() => _engine.Search(new SearchRequest { Query = Query, Culture = "fr-FR", Take = 10 }).Hits.Count;

    [Benchmark(Description = "same, one typo per word")]
    public int SearchWithTypos() => _engine.Search(new SearchRequest { Query = Typo(Query), Culture = "fr-FR", Take = 10 }).Hits.Count;

    [Benchmark(Description = "same query, result cache on (what a repeated API query costs)")]
    public int SearchCached()
    {
        _engine.CacheResults = true;
        try
        {
            return _engine.Search(new SearchRequest { Query = Query, Culture = "fr-FR", Take = 10 }).Hits.Count;
        }
        finally
        {
            _engine.CacheResults = false;
        }
    }

    [Benchmark(Description = "suggest (first 3 letters)")]
    public int Suggest() => _engine.Suggest(Query[..3], "fr-FR").Count;

    /// <summary>
    /// Each query with parts switched off, median of 50 runs after 10 warm-ups. Under a profiler, POLE_SEARCH_PROFILE_QUERY
    /// keeps one query (any), POLE_SEARCH_PROFILE_MODE one mode ("full", "no facets"…) and POLE_SEARCH_PROFILE_RUNS runs it more often.
    /// </summary>
    public void Profile(TextWriter output)
    {
        var only = Environment.GetEnvironmentVariable("POLE_SEARCH_PROFILE_QUERY");
        var mode = Environment.GetEnvironmentVariable("POLE_SEARCH_PROFILE_MODE");
        var runs = int.TryParse(Environment.GetEnvironmentVariable("POLE_SEARCH_PROFILE_RUNS"), out var count) && count > 10 ? count : 60;
        foreach (var query in only is null ? new[] { "financement association", "statuts association loi", "dissolutoin associaton", "economie sociale solidaire" } : [only])
        {
            foreach (var (label, request) in new[]
            {
                ("full", new SearchRequest { Query = query, Culture = "fr-FR", Take = 10 }),
                ("no facets", new SearchRequest { Query = query, Culture = "fr-FR", Take = 10, IncludeFacets = false }),
                ("no facets, no hits", new SearchRequest { Query = query, Culture = "fr-FR", Take = 0, IncludeFacets = false }),
                ("typos", new SearchRequest { Query = Typo(query), Culture = "fr-FR", Take = 10 }),
            }.Where(m => mode is null || m.Item1 == mode))
            {
                var times = new List<double>();
                var cpu = new List<double>();
                var allocated = new List<long>();
                var (pauseStart, gen0Start, gen1Start, gen2Start) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                for (var i = 0; i < runs; i++)
                {
                    var cpuStart = ThreadCpuTime.Now();
                    var bytesStart = GC.GetAllocatedBytesForCurrentThread();
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    _engine.Search(request);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    allocated.Add(GC.GetAllocatedBytesForCurrentThread() - bytesStart);
                    cpu.Add((ThreadCpuTime.Now() - cpuStart).TotalMilliseconds);
                }
                var pause = (GC.GetTotalPauseDuration() - pauseStart).TotalMilliseconds / runs;
                // Thread CPU time ticks in scheduler jiffies (4 ms here): its mean over the runs is finer than its median.
                var cpuMean = cpu.Skip(10).Average();
                var collections = $"{GC.CollectionCount(0) - gen0Start}/{GC.CollectionCount(1) - gen1Start}/{GC.CollectionCount(2) - gen2Start}";
                allocated = [.. allocated.Skip(10).Order()];
                times = [.. times.Skip(10).Order()];
                cpu = [.. cpu.Skip(10).Order()];
                output.WriteLine($"{query,-28} {label,-20} p50={times[times.Count / 2]:0.00} ms  p95={times[(int)(times.Count * 0.95)]:0.00} ms  cpu mean={cpuMean:0.00} ms  allocated p50={allocated[allocated.Count / 2] / 1024.0:0} KB  GC pause {pause:0.00} ms/search, collections gen0/1/2 {collections}");
            }
        }
    }

    /// <summary>Swaps two letters in the middle of each word.</summary>
    private static string Typo(string query) => string.Join(' ', query.Split(' ').Select(w => w.Length < 4 ? w : w[..(w.Length / 2)] + w[(w.Length / 2) + 1] + w[w.Length / 2] + w[((w.Length / 2) + 2)..]));

    private static string FindSiteRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "src", "Site")))
            {
                return Path.Combine(directory.FullName, "src", "Site");
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
