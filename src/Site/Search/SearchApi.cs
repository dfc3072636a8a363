using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Search;

namespace PoleKnowledge.Site.Search;

/// <summary>
/// The search API (beyond Umbraco, which has none), served from the content index and the published cache
/// only:
/// <code>
/// GET /api/search/v1?q=&amp;filter=&amp;sort=&amp;skip=&amp;take=&amp;culture=   SearchApi.Search    results, facets, corrected query
/// GET /api/search/v1/suggest?q=&amp;culture=&amp;take=                 SearchApi.Suggest   type-ahead: items and taxonomy terms
/// GET /api/search/v1/openapi.json                              SearchOpenApiDocument
/// </code>
/// Bad parameters answer 400 ValidationProblem naming the parameter; any query text is valid; 503 until the
/// index's first build is ready.
/// </summary>
internal static class SearchApi
{
    public const string BasePath = "/api/search/v1";
    public const string OpenApiPath = BasePath + "/openapi.json";

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(BasePath, Search).WithName("Search").WithDescription("Full-text search with facets, snippets and spelling correction.");
        app.MapGet(BasePath + "/suggest", Suggest).WithName("SearchSuggest").WithDescription("Suggestions as you type.");
        app.MapGet(OpenApiPath, SearchOpenApiDocument.Serve).WithName("SearchOpenApi").ExcludeFromDescription();
        return app;
    }

    private static IResult Search(HttpContext http, SearchEngine engine, ContentSchemaHolder schema)
    {
        var request = SearchQueryString.Read(http.Request.Query, engine, schema.Schema, null, out var errors);
        if (request is null)
        {
            return Results.ValidationProblem(errors);
        }
        try
        {
            return Results.Json(SearchApiResponse.From(engine.Search(request), request.Culture));
        }
        catch (ContentIndexNotReadyException exception)
        {
            return NotReady(http, exception);
        }
    }

    private static IResult Suggest(HttpContext http, SearchEngine engine, ContentSchemaHolder schema)
    {
        var query = http.Request.Query;
        var culture = query["culture"].ToString() is { Length: > 0 } requested
            ? schema.Schema.Cultures.FirstOrDefault(c => string.Equals(c, requested, StringComparison.OrdinalIgnoreCase))
            : schema.Schema.DefaultCulture;
        if (culture is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["culture"] = [$"Unknown culture; expected one of {string.Join(", ", schema.Schema.Cultures)}."] });
        }
        var take = 8;
        if (query["take"].ToString() is { Length: > 0 } text && (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out take) || take < 1 || take > SearchEngine.MaxSuggestions))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"Expected a whole number from 1 to {SearchEngine.MaxSuggestions}."] });
        }
        try
        {
            var suggestions = engine.Suggest(query["q"].ToString(), culture, take);
            return Results.Json(suggestions.Select(s => new
            {
                label = s.Label,
                route = s.Route is null ? null : Pages.PropertyDisplay.PublicUrl(s.Route, culture),
                facet = s.Facet,
                value = s.Value,
            }));
        }
        catch (ContentIndexNotReadyException exception)
        {
            return NotReady(http, exception);
        }
    }

    private static IResult NotReady(HttpContext http, ContentIndexNotReadyException exception)
    {
        http.Response.Headers.RetryAfter = "5";
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Index not ready", detail: exception.Message);
    }
}
