using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Persistence;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>
/// Registration of the back office: Identity sign-in on a cookie of its own, the role policies, the page
/// conventions that put every back-office page behind them, and the security headers of its responses.
/// </summary>
public static class BackOfficeExtensions
{
    public const string BasePath = "/backoffice";

    /// <summary>Content-Security-Policy of every back-office response: no inline script, no foreign origin, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddBackOffice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackOfficeOptions>().Bind(configuration.GetSection(BackOfficeOptions.Section))
            .Validate(o => o.SignInPermitsPerMinute > 0, "BackOffice:SignInPermitsPerMinute must be positive.").ValidateOnStart();
        new IdentityBuilder(typeof(BackOfficeUser), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.ProviderName);
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.ProviderName;
            o.Password.RequiredUniqueChars = 4;
            o.Lockout.AllowedForNewUsers = true;
            o.SignIn.RequireConfirmedAccount = false;
        });
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        var lifetime = configuration.GetSection(BackOfficeOptions.Section).Get<BackOfficeOptions>()?.SessionLifetime ?? TimeSpan.FromHours(8);
        services.AddAuthentication()
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = ".PoleKnowledge.BackOffice";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = BasePath + "/connexion";
                o.LogoutPath = BasePath + "/deconnexion";
                o.AccessDeniedPath = BasePath + "/acces-refuse";
                o.ExpireTimeSpan = lifetime;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            })
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, o =>
            {
                o.Cookie.Name = ".PoleKnowledge.BackOffice.2fa";
                o.Cookie.HttpOnly = true;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.Name = ".PoleKnowledge.BackOffice.2fa-remember");
        services.AddAuthorizationBuilder()
            .AddPolicy(BackOfficeRoles.UsePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(BackOfficeRoles.All))
            .AddPolicy(BackOfficeRoles.PublishPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(BackOfficeRoles.Administrator, BackOfficeRoles.Editor))
            .AddPolicy(BackOfficeRoles.AdminPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(BackOfficeRoles.Administrator));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/BackOffice", BackOfficeRoles.UsePolicy);
            o.Conventions.AuthorizeFolder("/BackOffice/Admin", BackOfficeRoles.AdminPolicy);
            foreach (var page in new[] { "/BackOffice/SignIn", "/BackOffice/TwoFactor", "/BackOffice/ForgotPassword", "/BackOffice/ResetPassword", "/BackOffice/AccessDenied" })
            {
                o.Conventions.AllowAnonymousToPage(page);
            }
        });
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<EditorClock>();
        services.AddScoped<ContentFormBinder>();
        services.AddScoped<ReviewNotifier>();
        return services;
    }

    /// <summary>Form posts other than uploads: a long Markdown body and its fields fit easily.</summary>
    private const long MaxFormBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Security headers on back-office responses, and the body limit of its posts, applied before anything
    /// reads the body (the anti-forgery check reads the form): an oversize upload is refused with a 413 from
    /// its Content-Length, never buffered.
    /// </summary>
    public static IApplicationBuilder UseBackOfficeHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // Both directives, as the anti-forgery check sets them on its forms (otherwise it overrides the header with a warning in the log).
            headers.CacheControl = "no-cache, no-store";
            if (HttpMethods.IsPost(context.Request.Method))
            {
                var media = context.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value;
                var limit = context.Request.Path.StartsWithSegments(BasePath + "/medias", StringComparison.OrdinalIgnoreCase)
                    ? media.MaxUploadBytes * MaxFilesPerUpload + 1024 * 1024
                    : MaxFormBytes;
                if (context.Request.ContentLength > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.WriteAsync($"""
                        <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>Envoi trop volumineux — Back office</title><link rel="stylesheet" href="/css/backoffice.css"></head>
                        <body class="bo-plain"><main class="bo-auth"><h1>Envoi trop volumineux</h1>
                        <p>Chaque fichier peut peser au plus {media.MaxUploadBytes / 1024 / 1024} Mo, et un envoi au plus {limit / 1024 / 1024} Mo. Rien n'a été enregistré.</p>
                        <p><a href="{BasePath}/medias">Retour à la médiathèque</a></p></main></body></html>
                        """);
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit;
                }
                if (context.Request.HasFormContentType)
                {
                    context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = (int)Math.Min(int.MaxValue, MaxFormBytes) }));
                }
            }
            await next(context);
        });

    /// <summary>Files one upload form may carry at the maximum size each.</summary>
    public const int MaxFilesPerUpload = 4;

    /// <summary>
    /// Checks the session against the database on every request: a deleted or locked-out user, or one whose
    /// security stamp changed ("sign out everywhere", new password, new role), loses the session at once.
    /// The back office is low-traffic, so one user read per request is a fair price for that.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<BackOfficeUser>>();
        var user = context.Principal is null ? null : await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    public static string ActorOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "?";
}
