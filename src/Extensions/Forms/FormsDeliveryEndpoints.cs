using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Umbraco Forms' headless API: read a definition, post an entry. Status codes as Umbraco's: 200/404 for
/// definitions; 202, 400, 404, 415, 422 (errors per field alias) for entries — plus 429 when a client or a
/// form is over its rate limit.
/// </summary>
public static class FormsDeliveryEndpoints
{
    public const string Base = "/umbraco/forms/delivery/api/v1";

    /// <summary>Where the OpenAPI document is served, next to the Delivery API's (<c>/umbraco/openapi/delivery.json</c>).</summary>
    public const string OpenApiPath = "/umbraco/openapi/forms.json";

    //   GET  /umbraco/forms/delivery/api/v1/definitions/{id}   the form, Umbraco Forms' shape (+ X-Form-Token, anti-forgery token)
    //   POST /umbraco/forms/delivery/api/v1/entries/{id}       an entry: 202 | 400 | 404 | 413 | 415 | 422 | 429
    //   GET  /umbraco/openapi/forms.json                       FormsOpenApiDocument (hand-maintained, checked by FormsOpenApiTests)
    public static IEndpointRouteBuilder MapFormsDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Forms");
        group.MapGet("/definitions/{id}", GetDefinition)
            .WithName("GetFormDefinition").WithSummary("A form definition, in Umbraco Forms' delivery shape.");
        group.MapPost("/entries/{id}", PostEntryAsync)
            .WithName("PostFormEntry").WithSummary("Submits an entry; the server enforces every rule of the definition.")
            .DisableAntiforgery();
        app.MapGet(OpenApiPath, FormsOpenApiDocument.Serve).WithName("FormsOpenApi").ExcludeFromDescription();
        return app;
    }

    private static IResult GetDefinition(string id, HttpContext http, FormCatalog catalog, FormFillToken fillTokens, IAntiforgery antiforgery)
    {
        var form = catalog.Find(id);
        if (form is null)
        {
            return NotFound(id);
        }
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers[FormFillToken.HeaderName] = fillTokens.Issue(form);
        http.Response.Headers["X-Antiforgery-Token"] = tokens.RequestToken;
        http.Response.Headers.CacheControl = "no-store";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            FormDefinitionWriter.Write(writer, form);
        }
        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }

    private static async Task<IResult> PostEntryAsync(string id, HttpContext http, FormCatalog catalog, FormsOptions options, FormRateLimiter limiter,
        IAntiforgery antiforgery, FormSubmissionProcessor processor, CancellationToken cancellationToken)
    {
        var form = catalog.Find(id);
        if (form is null)
        {
            return NotFound(id);
        }
        var trusted = IsTrustedServer(http, options);
        if (!trusted && options.EnableAntiForgeryToken && !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing or invalid.",
                detail: "Send the token served with the definition (header X-Antiforgery-Token) in the RequestVerificationToken header, or an Api-Key header for server-to-server calls.");
        }
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limiter.TryAcquire(form.Alias, ip, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many entries.", detail: "Trop d'envois : réessayez dans une minute.");
        }
        if (!http.Request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.", detail: "Entries are posted as application/json.");
        }
        if (http.Request.ContentLength > options.MaxRequestBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Entry too large.");
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, default, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON.", detail: exception.Message);
        }
        using (document)
        {
            var request = FormEntryRequest.Parse(document.RootElement, out var error);
            if (request is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid entry.", detail: error);
            }
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            var outcome = await processor.SubmitAsync(form, request, new FormSubmissionContext(trusted, http.Request.Headers[FormFillToken.HeaderName].ToString(), baseUrl), cancellationToken);
            return outcome.Status switch
            {
                FormSubmissionStatus.Accepted or FormSubmissionStatus.Dropped => Results.Json(new
                {
                    gotoPageOnSubmit = (string?)null,
                    gotoPageOnSubmitRoute = (object?)null,
                    messageOnSubmit = outcome.Message,
                    messageOnSubmitIsHtml = false,
                }, statusCode: StatusCodes.Status202Accepted),
                FormSubmissionStatus.Invalid => Results.ValidationProblem(outcome.Errors, statusCode: StatusCodes.Status422UnprocessableEntity, title: "One or more validation errors occurred."),
                _ => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid entry.", detail: outcome.Message),
            };
        }
    }

    private static bool IsTrustedServer(HttpContext http, FormsOptions options)
    {
        if (string.IsNullOrEmpty(options.ApiKey) || !http.Request.Headers.TryGetValue("Api-Key", out var given))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(options.ApiKey));
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Form not found.", detail: $"No form with the id '{id}'.");
}
