using System.Globalization;
using System.Text;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Delivery.Querying;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// <c>GET /umbraco/delivery/api/v2/content</c> (GetContent2.0): <c>fetch</c>, repeated <c>filter</c> and <c>sort</c>,
/// <c>skip</c>/<c>take</c>, <c>expand</c>/<c>fields</c>. The Lucene index matches, ranks and pages (keys only); items
/// are rendered from the published cache. Errors: Umbraco's 400 bodies (<c>type: "Error"</c>) for unknown
/// options; 400 validation problems for bad paging (documented improvement); 503 while the index is first built.
/// Queries see published content only, also in preview.
/// </summary>
internal static class DeliveryQueryEndpoint
{
    public static async Task<IResult> GetContentAsync(HttpContext http, PublishedContentCache cache, ContentSchemaHolder schema, DeliveryOptions options,
        DeliveryQueryParser parser, IDeliveryQueryExecutor executor, DeliveryContentRenderer renderer)
    {
        http.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, DeliveryResults.Vary);
        if (!DeliveryRequestContext.TryResolve(http, out var request, out var failure))
        {
            return failure!;
        }
        var query = http.Request.Query;
        var allowed = options.AllowedContentTypeAliases.Count > 0 ? options.AllowedContentTypeAliases.ToHashSet(StringComparer.Ordinal) : null;
        var disallowed = options.DisallowedContentTypeAliases.Count > 0 ? options.DisallowedContentTypeAliases.ToHashSet(StringComparer.Ordinal) : null;
        var parsed = parser.Parse(query["fetch"].ToString(), [.. query["filter"].Select(v => v ?? "")], [.. query["sort"].Select(v => v ?? "")],
            query.ContainsKey("skip") ? query["skip"].ToString() : null, query.ContainsKey("take") ? query["take"].ToString() : null,
            request.ToQueryContext(cache, schema.Schema), allowed, disallowed);
        if (parsed.Error is { } error)
        {
            return error.Title == DeliveryQueryParser.ValidationTitle
                ? Results.ValidationProblem(new Dictionary<string, string[]> { [error.Parameter] = [error.Detail] })
                : Results.Json(new { type = "Error", title = error.Title, status = 400, detail = error.Detail }, statusCode: 400, contentType: "application/problem+json");
        }
        if (parsed.NoResults || parsed.Query is null)
        {
            return Results.Bytes(Encoding.UTF8.GetBytes("{\"total\":0,\"items\":[]}"), DeliveryResults.JsonContentType);
        }
        DeliveryQueryResult result;
        try
        {
            result = executor.Execute(parsed.Query);
        }
        catch (ContentIndexNotReadyException exception)
        {
            http.Response.Headers.RetryAfter = "5";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Index not ready", detail: exception.Message);
        }
        var payloads = new List<DeliveryPayload>(result.Keys.Count);
        foreach (var key in result.Keys)
        {
            if (cache.Get(key) is { } item && renderer.RenderPublished(item, request) is { } payload)
            {
                payloads.Add(payload);
            }
        }
        var items = DeliveryContentRenderer.ToArray(payloads);
        var prefix = Encoding.UTF8.GetBytes("{\"total\":" + result.Total.ToString(CultureInfo.InvariantCulture) + ",\"items\":");
        var body = new byte[prefix.Length + items.Length + 1];
        prefix.CopyTo(body, 0);
        items.CopyTo(body, prefix.Length);
        body[^1] = (byte)'}';
        return Results.Bytes(body, DeliveryResults.JsonContentType);
    }
}
