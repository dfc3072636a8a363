using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Search;

/// <summary>Registers the search engine and its fields in the content index (no second index: the search fields are the index's own).</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>The synonyms file, relative to <c>content-schema/</c>.</summary>
    public const string SynonymsFile = "search/synonyms.txt";

    /// <summary>Adds the engine; facets are registered by the host as <see cref="Facets.SearchFacetDefinition"/> singletons.</summary>
    public static IServiceCollection AddHubSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        services.AddSingleton<SearchTextExtractor>();
        services.AddSingleton<IContentIndexFieldProvider, SearchFieldProvider>();
        // One analyser instance per container (the index disposes them with itself); created when the index is.
        var count = SearchFieldProvider.Analyzers().Count();
        for (var i = 0; i < count; i++)
        {
            var index = i;
            services.AddSingleton(_ => SearchFieldProvider.Analyzers().ElementAt(index));
        }
        services.AddSingleton(sp => SynonymSet.Load(Path.Combine(sp.GetRequiredService<HubPaths>().SchemaPath, SynonymsFile)));
        services.AddSingleton<SearchEngine>();
        return services;
    }
}
