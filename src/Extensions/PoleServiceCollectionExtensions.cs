using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.Persistence;
using PoleKnowledge.Extensions.WorkingGroups;

namespace PoleKnowledge.Extensions;

/// <summary>
/// The pôle's services that need configuration and the data paths (which <see cref="IHubExtension"/> does not
/// see): its database context, the forms engine, working-group sign-ups. Called by the host after <c>AddHubCms</c>.
/// </summary>
public static class PoleServiceCollectionExtensions
{
    /// <summary>Adds the pôle's services; loads <c>content-schema/forms/</c> now and throws <see cref="SchemaLoadException"/> if a form is invalid.</summary>
    public static IServiceCollection AddPole(this IServiceCollection services, IConfiguration configuration, HubPaths paths)
    {
        var (forms, problems) = FormDefinitionLoader.Load(Path.Combine(paths.SchemaPath, "forms"));
        if (problems.Count > 0)
        {
            throw new SchemaLoadException(problems);
        }
        services.AddSingleton(new FormCatalog(forms));
        services.AddSingleton(Bind<FormsOptions>(configuration, FormsOptions.Section));
        services.AddSingleton(Bind<SignUpRetentionOptions>(configuration, SignUpRetentionOptions.Section));

        services.AddSingleton<PoleDbContextFactory>();
        services.AddSingleton<PoleDatabaseInitializer>();

        services.AddAntiforgery();
        services.AddHttpClient(FormWorkflowRunner.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<FormFillToken>();
        services.AddSingleton<FormRateLimiter>();
        services.AddSingleton<FormEntryStore>();
        services.AddSingleton<FormWorkflowRunner>();
        services.AddSingleton<FormSubmissionProcessor>();

        services.AddSingleton<WorkingGroupCatalog>();
        services.AddSingleton<GroupSeatLock>();
        services.AddSingleton<SignUpMailer>();
        services.AddSingleton<SignUpStore>();
        services.AddSingleton<SignUpCsvExporter>();
        services.AddSingleton<ConcertationRule>();
        services.AddSingleton<IFormSubmissionHandler, GroupSignUpFormHandler>();
        services.AddSingleton<SignUpRetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SignUpRetentionJob>());
        return services;
    }

    /// <summary>Maps the Forms API and the working-group editors' API (the latter behind <paramref name="editorPolicy"/>).</summary>
    public static IEndpointRouteBuilder MapPoleEndpoints(this IEndpointRouteBuilder app, string editorPolicy)
    {
        app.MapFormsDeliveryEndpoints();
        app.MapWorkingGroupEndpoints(editorPolicy);
        return app;
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
