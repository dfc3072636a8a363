using PoleKnowledge.Cms.Persistence.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Import;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Rendering;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Cms.Security;
using PoleKnowledge.Cms.Webhooks;

namespace PoleKnowledge.Cms.Hosting;

/// <summary>Registers the content engine: options and paths, schema, database, store, change feed, published cache.</summary>
public static class HubServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine. Loads and validates <c>content-schema/</c> now, so an invalid schema stops the
    /// host before it serves (throws <see cref="SchemaLoadException"/>).
    /// </summary>
    public static IServiceCollection AddHubCms(this IServiceCollection services, IConfiguration configuration, string contentRoot, params IHubExtension[] extensions)
    {
        var options = new HubOptions();
        configuration.GetSection(HubOptions.Section).Bind(options);
        var paths = ResolvePaths(configuration, contentRoot);
        paths.EnsureCreated();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (options.IsPostgres)
            {
                throw new InvalidOperationException($"{HubOptions.Section}:ConnectionString is required when {HubOptions.Section}:DatabaseProvider is Postgres.");
            }
            options.ConnectionString = $"Data Source={paths.DatabaseFile};Cache=Shared;Pooling=True";
        }

        services.AddHubIndexing();
        var builder = new HubBuilder(services);
        foreach (var extension in extensions)
        {
            extension.Register(builder);
        }
        var editors = builder.BuildEditors();
        var loaded = ContentSchemaLoader.Load(paths.SchemaPath, editors);
        if (!loaded.IsValid || loaded.Schema is null)
        {
            throw new SchemaLoadException(loaded.Problems);
        }

        services.AddSingleton(options);
        services.AddSingleton(paths);
        services.AddSingleton(editors);
        services.AddSingleton(new ContentSchemaHolder(loaded.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HubDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<HubDbContextFactory>().CreateDbContext());
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ChangeFeedSignal>();
        services.AddSingleton<ChangeFeedReader>();
        services.AddSingleton<PublishedPropertyRules>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton<ContentImporter>();
        services.AddSingleton<ContentExporter>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<PublishedContentCache>();
        services.AddSingleton<PublishedCacheFeedSubscriber>();
        services.AddSingleton<IChangeFeedSubscriber>(sp => sp.GetRequiredService<PublishedCacheFeedSubscriber>());
        // First hosted service of the host: the snapshot is read while the rest of the host starts.
        services.AddHostedService<PublishedCachePrefetchService>();
        services.AddSingleton<HubDatabaseInitializer>();
        services.AddHubMedia();
        services.AddHubMail(configuration);
        services.AddHubWebhooks(configuration);
        return services;
    }

    /// <summary>The data and schema folders the configuration points at.</summary>
    public static HubPaths ResolvePaths(IConfiguration configuration, string contentRoot)
    {
        var options = new HubOptions();
        configuration.GetSection(HubOptions.Section).Bind(options);
        var schemaPath = options.SchemaPath is { Length: > 0 } configured ? Path.GetFullPath(Path.Combine(contentRoot, configured)) : FindSchemaFolder(contentRoot);
        return new HubPaths(options.ResolveDataPath(contentRoot), schemaPath);
    }

    /// <summary>Adds the background work of a serving node: the change-feed consumer and scheduled publishing.</summary>
    public static IServiceCollection AddHubBackgroundServices(this IServiceCollection services)
    {
        services.AddSingleton<ChangeFeedConsumer>();
        services.AddSingleton<IChangeFeedSubscriber>(sp => sp.GetRequiredService<ContentIndexFeedSubscriber>());
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeedConsumer>());
        services.AddHostedService<ScheduledPublishingService>();
        services.AddHostedService<PostgresFeedListener>();
        services.AddHubWebhookDelivery();
        return services;
    }

    /// <summary><c>content-schema/</c> in the content root or the nearest folder above it (the repository root when run with <c>dotnet run --project src/Site</c>), else beside the binaries.</summary>
    private static string FindSchemaFolder(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "content-schema");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "content-schema");
    }
}
