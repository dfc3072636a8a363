using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Extensions;
using PoleKnowledge.Site.Api;
using PoleKnowledge.Site.BackOffice;
using PoleKnowledge.Site.Delivery;
using PoleKnowledge.Site.Media;
using PoleKnowledge.Site.Pages;
using PoleKnowledge.Site.Search;

namespace PoleKnowledge.Site.Hosting;

/// <summary>Builds the web host: engine, extensions, identity, APIs, public pages.</summary>
internal static class SiteApplication
{
    public static readonly IHubExtension[] Extensions = [new PoleExtension()];

    /// <summary>Builds the app, or prints why it cannot start (an invalid schema) and returns null.</summary>
    public static WebApplication? Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        try
        {
            AddServices(builder.Services, builder.Configuration, builder.Environment.ContentRootPath);
        }
        catch (SchemaLoadException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return null;
        }
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FirstRunSetup>());
        builder.Services.AddHubBackgroundServices();
        builder.Services.AddRazorPages();
        builder.Services.AddBackOffice(builder.Configuration);
        // French text stays readable in the HTML source (Razor would otherwise write &#xE9; for é).
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddDeliveryApi(builder.Configuration);
        builder.Services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ManagementContentEndpoints.Policy, policy => policy.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        var app = builder.Build();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }
        app.UseStatusCodePages();
        app.UseBackOfficeHeaders();
        app.UseStaticFiles();
        app.UseDeliveryApiReference();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain")).WithName("Liveness").ExcludeFromDescription();
        app.MapManagementContentEndpoints();
        app.MapDeliveryContentEndpoints();
        app.MapManagementMediaEndpoints();
        app.MapMediaFileEndpoints();
        app.MapDeliveryMediaEndpoints();
        app.MapPoleEndpoints(ManagementContentEndpoints.Policy);
        app.MapSearchApi();
        app.MapBackOfficePickerEndpoints();
        app.MapRazorPages();
        app.MapFallbackToPage("/{**route}", "/ContentPage");
        return app;
    }

    /// <summary>The services shared by the web host and the CLI verbs.</summary>
    public static void AddServices(IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddHubCms(configuration, contentRoot, Extensions);
        services.AddSiteSearch();
        var paths = HubServiceCollectionExtensions.ResolvePaths(configuration, contentRoot);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(paths.KeysPath)).SetApplicationName("PoleKnowledge");
        services.AddIdentityCore<BackOfficeUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HubDbContext>()
            .AddDefaultTokenProviders();
        services.AddSingleton<FirstRunSetup>();
        services.AddPole(configuration, paths);
    }
}
