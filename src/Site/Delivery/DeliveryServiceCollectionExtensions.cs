using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Delivery;

namespace PoleKnowledge.Site.Delivery;

/// <summary>Registers the Delivery API: options from <c>DeliveryApi</c>, rendering, caches, output-cache policy.</summary>
internal static class DeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddDeliveryApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        services.AddSingleton<DeliveryAccessStore>();
        services.AddHostedService<DeliveryAccessRefresher>();
        services.AddSingleton<DeliveryDraftBuilder>();
        services.AddSingleton<DeliveryOpenApiDocument>();
        services.AddSingleton<DeliveryItemResponseCache>();
        services.AddSingleton<DeliveryContentRenderer>();
        services.AddSingleton<DeliveryOutputCachePolicy>();
        services.AddHostedService<DeliveryCacheEviction>();
        services.AddOutputCache();
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<DeliveryOutputCachePolicy>((o, policy) => o.AddPolicy(DeliveryOutputCachePolicy.ContentPolicyName, policy));
        return services;
    }
}
