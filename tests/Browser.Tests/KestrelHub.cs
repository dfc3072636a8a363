using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace PoleKnowledge.Browser.Tests;

/// <summary>
/// The real site on Kestrel at 127.0.0.1 and a free port (a browser cannot reach the in-memory test server),
/// on its own data folder with the demo content and a fake clock.
/// </summary>
public sealed class KestrelHub : WebApplicationFactory<Program>
{
    public KestrelHub()
    {
        // In the constructor, not on a WithWebHostBuilder copy: that copy would bind the default port 5000.
        UseKestrel(0);
    }

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "pk-browser-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero));

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("PoleKnowledge:DataPath", DataPath);
        builder.UseSetting("PoleKnowledge:ImportDemoContent", "true");
        builder.UseSetting("PoleKnowledge:FeedPollInterval", "00:00:00.100");
        builder.UseSetting("PoleKnowledge:SchedulerInterval", "00:01:00");
        builder.UseSetting("BackOffice:SignInPermitsPerMinute", "1000");
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finalising connection: the temp folder is cleaned eventually.
            }
        }
    }
}
