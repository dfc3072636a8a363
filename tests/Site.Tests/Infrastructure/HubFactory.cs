using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Security;

namespace PoleKnowledge.Site.Tests.Infrastructure;

/// <summary>
/// The real site on its own data folder (a real SQLite file), with a fake clock and a command counter.
/// Each factory is one isolated hub; dispose deletes its folder unless <see cref="KeepData"/>.
/// </summary>
public sealed class HubFactory : WebApplicationFactory<Program>
{
    private readonly bool _demo;
    private readonly TimeSpan _feedPollInterval;

    public HubFactory(bool demo = true, string? dataPath = null, string? postgres = null, TimeSpan? feedPollInterval = null)
    {
        _demo = demo;
        _feedPollInterval = feedPollInterval ?? TimeSpan.FromMilliseconds(100);
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "pk-tests", Guid.NewGuid().ToString("N"));
        Postgres = postgres;
    }

    public string DataPath { get; }
    public string? Postgres { get; }
    public bool KeepData { get; set; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero));
    public CommandCounter Commands { get; } = new();

    /// <summary>Extra configuration (e.g. <c>DeliveryApi:ApiKey</c>); set before the first request.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("PoleKnowledge:DataPath", DataPath);
        builder.UseSetting("PoleKnowledge:ImportDemoContent", _demo ? "true" : "false");
        builder.UseSetting("PoleKnowledge:FeedPollInterval", _feedPollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("PoleKnowledge:SchedulerInterval", "00:01:00");
        if (Postgres is not null)
        {
            builder.UseSetting("PoleKnowledge:DatabaseProvider", "Postgres");
            builder.UseSetting("PoleKnowledge:ConnectionString", Postgres);
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IInterceptor>(Commands);
        });
    }

    /// <summary>Waits until the published cache reflects every write made so far (no sleeping on a guess).</summary>
    public async Task CatchUpAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<ChangeFeedConsumer>().WaitUntilCaughtUpAsync(timeout.Token);
        // The first build of the content index runs in the background; queries need it.
        await Services.GetRequiredService<PoleKnowledge.Cms.Indexing.ContentIndexFeedSubscriber>().StartupRebuild.WaitAsync(timeout.Token);
    }

    public async Task<HttpClient> CreateApiClientAsync()
    {
        var (_, token) = await Services.GetRequiredService<ApiTokenStore>().CreateAsync("tests", "tests");
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepData)
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finalising connection: the OS temp folder is cleaned eventually.
            }
        }
    }
}
