using Swashbuckle.AspNetCore.SwaggerUI;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// The reference UI of the Delivery API at <c>/umbraco/swagger</c> (Umbraco's address for it): Swagger UI,
/// served from the package's embedded files (no CDN, no build step), reading <c>/umbraco/openapi/delivery.json</c>.
/// "Try it out" sends real requests to this hub.
/// </summary>
internal static class DeliveryApiReference
{
    public const string Path = "umbraco/swagger";

    public static IApplicationBuilder UseDeliveryApiReference(this IApplicationBuilder app) => app.UseSwaggerUI(options =>
    {
        options.RoutePrefix = Path;
        options.DocumentTitle = "API de diffusion — pôle ESS du Pays de Rennes";
        options.SwaggerEndpoint(DeliveryContentEndpoints.OpenApiPath, "Delivery API v2 (compatible Umbraco)");
        options.DisplayOperationId();
        options.DefaultModelsExpandDepth(0);
        options.DocExpansion(DocExpansion.List);
        options.EnableTryItOutByDefault();
    });
}
