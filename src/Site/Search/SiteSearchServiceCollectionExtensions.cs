using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Search;
using PoleKnowledge.Cms.Search.Facets;

namespace PoleKnowledge.Site.Search;

/// <summary>The search engine with the hub's facets, in display order (the keyword fields are the pôle's, see PoleIndexFields).</summary>
internal static class SiteSearchServiceCollectionExtensions
{
    public static IServiceCollection AddSiteSearch(this IServiceCollection services)
    {
        services.AddHubSearch();
        services.AddSingleton(sp => SearchFacets.ContentType(Schema(sp)));
        services.AddSingleton(sp => SearchFacets.Choices(Schema(sp), "resourceType", "resourceType", "resource", "resourceType"));
        services.AddSingleton(sp => SearchFacets.Taxonomy(Schema(sp), "theme", "theme", "themes"));
        services.AddSingleton(sp => SearchFacets.Taxonomy(Schema(sp), "mission", "mission", "missions"));
        services.AddSingleton(sp => SearchFacets.Taxonomy(Schema(sp), "audience", "audience", "audiences"));
        services.AddSingleton(_ => SearchFacets.Year());
        services.AddSingleton(sp => SearchFacets.Taxonomy(Schema(sp), "commune", "commune", "communes"));
        services.AddSingleton(sp => SearchFacets.Taxonomy(Schema(sp), "legalForm", "legalForm", "legalForms"));
        return services;
    }

    private static Cms.Schema.ContentSchema Schema(IServiceProvider services) => services.GetRequiredService<ContentSchemaHolder>().Schema;
}
