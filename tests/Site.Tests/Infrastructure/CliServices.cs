using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Site.Hosting;

namespace PoleKnowledge.Site.Tests.Infrastructure;

/// <summary>The services a CLI verb uses, on a given data folder: a second "process" writing to the same database.</summary>
public static class CliServices
{
    public static async Task<ServiceProvider> CreateAsync(string dataPath, string? postgres = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = SiteContentRoot() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PoleKnowledge:DataPath"] = dataPath,
            ["PoleKnowledge:DatabaseProvider"] = postgres is null ? "Sqlite" : "Postgres",
            ["PoleKnowledge:ConnectionString"] = postgres,
        });
        SiteApplication.AddServices(builder.Services, builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services.BuildServiceProvider();
        await services.GetRequiredService<HubDatabaseInitializer>().InitializeAsync();
        return services;
    }

    /// <summary>src/Site of the repository (the content root the site runs with).</summary>
    public static string SiteContentRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Site");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("src/Site not found above the test binaries.");
    }
}
