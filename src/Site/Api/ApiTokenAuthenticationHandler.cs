using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Security;

namespace PoleKnowledge.Site.Api;

/// <summary>Authenticates <c>Authorization: Bearer pk_…</c> against the hashed management API tokens.</summary>
internal sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var name = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (name is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API token.");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api:" + name), new Claim("token", name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: 401, title: "Authentication required", detail: "Send a management API token: Authorization: Bearer pk_… (create one with `dotnet run --project src/Site -- create-api-token --name N`).").ExecuteAsync(Context);
    }
}
