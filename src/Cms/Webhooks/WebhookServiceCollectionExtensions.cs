using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.ChangeFeed;

namespace PoleKnowledge.Cms.Webhooks;

/// <summary>Registers webhooks: the store and sender everywhere, the feed subscriber and dispatcher on serving nodes.</summary>
public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddHubWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new WebhookOptions();
        configuration.GetSection(WebhookOptions.Section).Bind(options);
        if (options.Timeout <= TimeSpan.Zero || options.MaxAttempts < 1 || options.RetryDelay < TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero || options.MaxResponseChars < 0)
        {
            throw new InvalidOperationException($"{WebhookOptions.Section}: Timeout and PollInterval must be positive, MaxAttempts at least 1, RetryDelay and MaxResponseChars not negative.");
        }
        services.AddSingleton(options);
        services.AddSingleton<WebhookTargetPolicy>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = sp.GetRequiredService<WebhookTargetPolicy>().ConnectAsync,
            });
        return services;
    }

    /// <summary>The background half: queue deliveries from the change feed and send them.</summary>
    public static IServiceCollection AddHubWebhookDelivery(this IServiceCollection services)
    {
        services.AddSingleton<WebhookFeedSubscriber>();
        services.AddSingleton<IChangeFeedSubscriber>(sp => sp.GetRequiredService<WebhookFeedSubscriber>());
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
