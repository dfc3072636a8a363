using PoleKnowledge.Cms.Delivery;

namespace PoleKnowledge.Site.Delivery;

/// <summary>The Delivery API's error responses, shaped as Umbraco's (DELIVERY-API.md §6.1).</summary>
internal static class DeliveryResults
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The headers a response depends on, as Umbraco sends them (plus <c>Api-Key</c>: preview and private access depend on it).</summary>
    public const string Vary = "Accept-Language, Preview, Start-Item, Api-Key";

    /// <summary>Framework-style 401 ProblemDetails (RFC 9110 type link, <c>traceId</c>).</summary>
    public static IResult Unauthorized() => Results.Problem(statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>Framework-style 404 ProblemDetails.</summary>
    public static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound);

    /// <summary>Umbraco answers an unknown <c>Start-Item</c> with this plain string.</summary>
    public static IResult StartItemNotFound() => Results.Text("The Start-Item could not be found", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    /// <summary>A documented improvement: Umbraco fails with a 500 on a malformed tree; we answer 400 naming the parameter and the position.</summary>
    public static IResult InvalidTree(string parameter, PropertyTreeParseResult result) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: $"Invalid '{parameter}' parameter",
            detail: $"Could not parse the '{parameter}' parameter: {result.Error} (at position {result.Position}).",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter, ["position"] = result.Position });

    /// <summary>Model-binding style 400 for a malformed value (as <c>[ApiController]</c> would produce).</summary>
    public static IResult InvalidValue(string parameter, string value) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [$"The value '{value}' is not valid."] });
}
