using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PoleKnowledge.Cms.Mail;

internal static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddHubMail(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new MailOptions();
        configuration.GetSection(MailOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<IMailSender, MailKitMailSender>();
        return services;
    }
}
