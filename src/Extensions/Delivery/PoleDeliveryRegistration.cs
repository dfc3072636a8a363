using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Delivery.Querying;
using PoleKnowledge.Cms.Delivery.Querying.Filters;
using PoleKnowledge.Cms.Delivery.Querying.Sorts;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Extensions.Delivery;

/// <summary>The pôle's Delivery API query vocabulary: its index fields, the taxonomy filters and the date and title sorts.</summary>
internal static class PoleDeliveryRegistration
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IContentIndexFieldProvider, PoleContentIndexFieldProvider>();
        foreach (var (field, _) in PoleIndexFields.Keywords)
        {
            // Values are indexed lower-cased: theme:Emploi and theme:emploi are the same filter.
            services.AddSingleton<IFilterHandler>(new KeywordFilterHandler(field, field, lowerCase: true));
        }
        services.AddSingleton<ISortHandler>(new FieldSortHandler("date", PoleIndexFields.Date));
        services.AddSingleton<ISortHandler>(new FieldSortHandler("title", PoleIndexFields.Title));
        foreach (var documentation in PoleQueryOptionDocumentation.All)
        {
            services.AddSingleton(documentation);
        }
    }
}
