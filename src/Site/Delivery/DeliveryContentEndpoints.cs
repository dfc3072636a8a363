using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// The content-item half of the Umbraco Delivery API v2 (DELIVERY-API.md §1.1). Route table:
/// <code>
/// GET /umbraco/delivery/api/v2/content                  GetContent2.0            query (DeliveryQueryEndpoint): fetch, filter, sort, skip, take
/// GET /umbraco/delivery/api/v2/content/item/{id:guid}   GetContentItemById2.0    one item by key
/// GET /umbraco/delivery/api/v2/content/item/{*path}     GetContentItemByPath2.0  one item by route (301 on a tracked redirect)
/// GET /umbraco/delivery/api/v2/content/items?id=…&amp;id=…   GetContentItems2.0       several items by key (set; missing ones omitted)
/// GET /umbraco/openapi/delivery.json                     DeliveryOpenApiDocument  the OpenAPI document of the Delivery API
/// </code>
/// Every content response varies by <c>Accept-Language, Preview, Start-Item, Api-Key</c>. Published items come
/// from the published cache only (no database command; the redirect lookup on a by-path miss is the one
/// exception); preview reads the draft from the store. Item responses carry a strong ETag and honour
/// <c>If-None-Match</c> (304); public non-preview responses go through the output cache when it is enabled.
/// </summary>
internal static partial class DeliveryContentEndpoints
{
    public const string Prefix = "/umbraco/delivery/api/v2/content";
    public const string OpenApiPath = "/umbraco/openapi/delivery.json";

    /// <summary>
    /// Maps the endpoints, and the output-cache middleware they use (so the host adds one line). Call after
    /// <c>UseRouting</c>/<c>UseAuthorization</c>: the middleware must see the selected endpoint's cache policy.
    /// </summary>
    public static WebApplication MapDeliveryContentEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOutputCache();
        var api = app.MapGroup(Prefix).WithTags("Content").CacheOutput(DeliveryOutputCachePolicy.ContentPolicyName);
        api.MapGet("", DeliveryQueryEndpoint.GetContentAsync).WithName("GetContent2.0").WithSummary("Content query: fetch, filter, sort, skip, take.");
        api.MapGet("/item/{id:guid}", GetByIdAsync).WithName("GetContentItemById2.0").WithSummary("One content item by key.");
        api.MapGet("/item/{**path}", GetByPathAsync).WithName("GetContentItemByPath2.0").WithSummary("One content item by route (empty = the root).");
        api.MapGet("/items", GetItemsAsync).WithName("GetContentItems2.0").WithSummary("Several content items by key; missing ones are omitted.");
        app.MapGet(OpenApiPath, (DeliveryOpenApiDocument document) => document.Serve()).WithName("DeliveryOpenApiDocument").WithSummary("The OpenAPI document of the Delivery API.").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetByIdAsync(Guid id, HttpContext http, PublishedContentCache cache, DeliveryContentRenderer renderer, ContentStore store, DeliveryDraftBuilder drafts)
    {
        if (!Begin(http, out var request, out var failure))
        {
            return failure!;
        }
        var payload = request.Preview
            ? await RenderDraftAsync(id, request, renderer, store, drafts, http.RequestAborted)
            : cache.Get(id) is { } item ? renderer.RenderPublished(item, request) : null;
        return Respond(http, payload);
    }

    private static async Task<IResult> GetByPathAsync(string? path, HttpContext http, PublishedContentCache cache, DeliveryContentRenderer renderer, ContentStore store, DeliveryDraftBuilder drafts)
    {
        if (!Begin(http, out var request, out var failure))
        {
            return failure!;
        }
        var route = DecodePath(path);
        if (PreviewRoute().Match(route) is { Success: true } match)
        {
            // Unpublished items have no route: preview addresses them by key (§1.1); outside preview, not found.
            return request.Preview
                ? Respond(http, await RenderDraftAsync(Guid.Parse(match.Groups[1].Value), request, renderer, store, drafts, http.RequestAborted))
                : DeliveryResults.NotFound();
        }
        var item = cache.GetByRoute(route, request.Culture, request.StartItem?.Key);
        if (item is not null)
        {
            var payload = request.Preview
                ? await RenderDraftAsync(item.Key, request, renderer, store, drafts, http.RequestAborted)
                : renderer.RenderPublished(item, request);
            return Respond(http, payload);
        }
        return await RedirectAsync(http, route, request, cache, store) ?? DeliveryResults.NotFound();
    }

    private static async Task<IResult> GetItemsAsync(HttpContext http, PublishedContentCache cache, DeliveryContentRenderer renderer, ContentStore store, DeliveryDraftBuilder drafts)
    {
        if (!Begin(http, out var request, out var failure))
        {
            return failure!;
        }
        // A set, as Umbraco binds it: duplicates collapse, first occurrence decides the order.
        var keys = new List<Guid>();
        foreach (var value in http.Request.Query["id"])
        {
            if (!Guid.TryParse(value, out var key))
            {
                return DeliveryResults.InvalidValue("id", value ?? "");
            }
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }
        var payloads = new List<DeliveryPayload>(keys.Count);
        foreach (var key in keys)
        {
            var payload = request.Preview
                ? await RenderDraftAsync(key, request, renderer, store, drafts, http.RequestAborted)
                : cache.Get(key) is { } item ? renderer.RenderPublished(item, request) : null;
            if (payload is not null)
            {
                payloads.Add(payload);
            }
        }
        return Results.Bytes(DeliveryContentRenderer.ToArray(payloads), DeliveryResults.JsonContentType);
    }

    /// <summary>Adds <c>Vary</c> (errors vary too) and resolves the shared request context.</summary>
    private static bool Begin(HttpContext http, out DeliveryRequestContext request, out IResult? failure)
    {
        http.Response.Headers.Append(HeaderNames.Vary, DeliveryResults.Vary);
        return DeliveryRequestContext.TryResolve(http, out request, out failure);
    }

    private static IResult Respond(HttpContext http, DeliveryPayload? payload)
    {
        if (payload is null)
        {
            return DeliveryResults.NotFound();
        }
        http.Response.Headers.ETag = payload.ETag;
        if (MatchesIfNoneMatch(http.Request.Headers.IfNoneMatch, payload.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(payload.Bytes, DeliveryResults.JsonContentType);
    }

    private static bool MatchesIfNoneMatch(Microsoft.Extensions.Primitives.StringValues header, string etag)
    {
        foreach (var value in header)
        {
            foreach (var candidate in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
                var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                if (tag == "*" || string.Equals(tag, etag, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static async Task<DeliveryPayload?> RenderDraftAsync(Guid key, DeliveryRequestContext request, DeliveryContentRenderer renderer, ContentStore store, DeliveryDraftBuilder drafts, CancellationToken cancellationToken)
    {
        var view = await store.GetAsync(key, cancellationToken);
        return view is { Trashed: false } && drafts.Build(view) is { } draft ? renderer.RenderDraft(draft, request) : null;
    }

    /// <summary>A by-path miss that matches a retired route: 301 to the item's current route (§3.2), the one database read of the hot path.</summary>
    private static async Task<IResult?> RedirectAsync(HttpContext http, string route, DeliveryRequestContext request, PublishedContentCache cache, ContentStore store)
    {
        var trimmed = route.Trim().Trim('/');
        if (trimmed.Length == 0)
        {
            return null;
        }
        var normalised = "/" + trimmed.ToLowerInvariant() + "/";
        if (await store.FindRedirectAsync(normalised, request.Culture, http.RequestAborted) is not { } target
            || cache.Get(target) is not { } item
            || cache.GetRoute(target, request.Culture) is not { } newRoute)
        {
            return null;
        }
        var root = cache.RootOf(item);
        http.Response.Headers.Location = newRoute;
        http.Response.Headers["Location-Start-Item-Path"] = root.ForCulture(request.Culture)?.UrlSegment ?? "";
        http.Response.Headers["Location-Start-Item-Id"] = root.Key.ToString("D");
        return Results.StatusCode(StatusCodes.Status301MovedPermanently);
    }

    /// <summary>
    /// The captured path as a route: empty = <c>/</c>; a path holding an encoded slash (OpenAPI clients encode
    /// the whole parameter) is decoded first, and the route is decoded once more before lookup, as Umbraco does.
    /// </summary>
    internal static string DecodePath(string? path)
    {
        var value = path ?? "";
        if (value.Contains("%2F", StringComparison.OrdinalIgnoreCase))
        {
            value = Uri.UnescapeDataString(value);
        }
        value = Uri.UnescapeDataString(value);
        return "/" + value.Trim('/');
    }

    [GeneratedRegex(@"^/preview-([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})/?$")]
    private static partial Regex PreviewRoute();
}
