using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Delivery.Querying;
using PoleKnowledge.Cms.Delivery.Querying.Filters;
using PoleKnowledge.Cms.Delivery.Querying.Selectors;
using PoleKnowledge.Cms.Delivery.Querying.Sorts;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>Registers the content index, its feed subscriber, the Delivery API query parser and executor, and the built-in handlers.</summary>
public static class IndexingServiceCollectionExtensions
{
    /// <summary>
    /// Called by <c>AddHubCms</c> before extensions register, so the built-in field provider and handlers come
    /// first (the first declaration of a field wins; handlers are asked in registration order). The feed
    /// subscriber is made an <c>IChangeFeedSubscriber</c> only by <c>AddHubBackgroundServices</c>: the CLI
    /// resolves it to rebuild without consuming the feed.
    /// </summary>
    public static IServiceCollection AddHubIndexing(this IServiceCollection services)
    {
        // Bound when the container has a configuration (the site and the CLI; test hosts may have none).
        services.AddOptions<ContentIndexOptions>().Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(ContentIndexOptions.Section).Bind(options));
        services.AddSingleton<IContentIndexFieldProvider, BuiltInContentIndexFieldProvider>();
        services.AddSingleton<ContentIndex>();
        services.AddSingleton<ContentIndexFeedSubscriber>();
        services.AddSingleton<IDeliveryQueryExecutor, LuceneDeliveryQueryExecutor>();
        services.AddSingleton<DeliveryQueryParser>();

        services.AddSingleton<ISelectorHandler, AncestorsSelectorHandler>();
        services.AddSingleton<ISelectorHandler, ChildrenSelectorHandler>();
        services.AddSingleton<ISelectorHandler, DescendantsSelectorHandler>();

        services.AddSingleton<IFilterHandler>(KeywordFilterHandler.ContentType());
        services.AddSingleton<IFilterHandler, NameFilterHandler>();
        services.AddSingleton<IFilterHandler, DateFilterHandler>();

        foreach (var sort in FieldSortHandler.BuiltIn())
        {
            services.AddSingleton<ISortHandler>(sort);
        }
        return services;
    }
}
