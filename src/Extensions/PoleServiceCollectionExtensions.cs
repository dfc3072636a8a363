using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.Members;
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
        var signUpOptions = Bind<SignUpOptions>(configuration, SignUpOptions.Section);
        if (signUpOptions.ConfirmLinkLifetime <= TimeSpan.Zero || signUpOptions.ExpiredPendingKept < TimeSpan.Zero)
        {
            throw new InvalidOperationException("PoleSignUps:ConfirmLinkLifetime must be positive and PoleSignUps:ExpiredPendingKept not negative.");
        }
        services.AddSingleton(signUpOptions);

        services.AddSingleton<PoleDbContextFactory>();
        services.AddSingleton<PoleDatabaseInitializer>();
        services.AddScoped<PoleDbContext>(sp => sp.GetRequiredService<PoleDbContextFactory>().CreateDbContext());

        // Members: Identity for a second user type, on the pôle's tables. No options lambda and no token
        // providers here: both are global to Identity and would change the back office's users too.
        services.AddIdentityCore<PoleMember>().AddEntityFrameworkStores<PoleDbContext>();
        services.AddAuthentication().AddCookie(MemberAuthentication.Scheme, cookie =>
        {
            cookie.Cookie.Name = MemberAuthentication.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            cookie.LoginPath = MemberAuthentication.LoginPath;
            cookie.AccessDeniedPath = MemberAuthentication.LoginPath;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder().AddPolicy(MemberAuthentication.Policy, policy => policy.AddAuthenticationSchemes(MemberAuthentication.Scheme).RequireAuthenticatedUser());
        services.AddScoped<MemberAccountStore>();
        services.AddSingleton<StructureProfileStore>();
        services.AddSingleton<PoleKnowledge.Extensions.Structures.StructureDirectory>();

        services.AddAntiforgery();
        services.AddHttpClient(FormWorkflowRunner.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<FormFillToken>();
        services.AddSingleton<FormRateLimiter>();
        services.AddSingleton<FormEntryStore>();
        services.AddSingleton<FormWebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<FormWebhookSender>());
        services.AddSingleton<FormWorkflowRunner>();
        services.AddSingleton<FormSubmissionProcessor>();

        services.AddSingleton<WorkingGroupCatalog>();
        services.AddSingleton<GroupSeatLock>();
        services.AddSingleton<SignUpMailer>();
        services.AddSingleton<SignUpStore>();
        services.AddSingleton<SignUpCsvExporter>();
        services.AddSingleton<ConcertationRule>();
        services.AddSingleton<GroupStatusPublisher>();
        services.AddSingleton<PoleKnowledge.Cms.Content.IContentWriteRule, ConcertationWriteRule>();
        services.AddSingleton<PoleKnowledge.Cms.Content.IPublishedPropertyRule, Structures.StructureContactRule>();
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
