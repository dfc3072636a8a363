using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Hosting;

namespace PoleKnowledge.Cms.Media;

/// <summary>Registers the media library: options, store, variant cache, URL signer and the media cache with its feed subscriber.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>Adds the media library (called at the end of <see cref="HubServiceCollectionExtensions.AddHubCms"/>).</summary>
    public static IServiceCollection AddHubMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxMegapixels > 0 && o.MaxVariantSide > 0, "PoleKnowledge:Media limits must be positive.")
            .Validate(o => o.EffectivePresets.All(p => ImageRequest.Parse(p, out _) is { IsEmpty: false }), "PoleKnowledge:Media:Presets must be image query strings such as 'width=640'.")
            .ValidateOnStart();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<MediaVariantCache>();
        services.AddSingleton(sp => new MediaUrlSigner(MediaUrlSigner.LoadOrCreateKey(sp.GetRequiredService<IOptions<MediaOptions>>().Value.HmacKey, sp.GetRequiredService<HubPaths>().KeysPath)));
        services.AddSingleton<PublishedMediaCache>();
        services.AddSingleton<PublishedMediaFeedSubscriber>();
        services.AddSingleton<IChangeFeedSubscriber>(sp => sp.GetRequiredService<PublishedMediaFeedSubscriber>());
        return services;
    }
}
