using System.Buffers;
using System.Text.Json;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// The Delivery API v2 for media, from the media cache only (no database command). Route table:
/// <code>
/// GET /umbraco/delivery/api/v2/media?fetch=children:{id|path}&amp;filter=&amp;sort=&amp;skip=&amp;take=   children of a folder
/// GET /umbraco/delivery/api/v2/media/item/{id}                                                         one item by key
/// GET /umbraco/delivery/api/v2/media/item/{*path}                                                      one item by lower-cased folder names
/// GET /umbraco/delivery/api/v2/media/items?id=&amp;id=                                                     several items by key
/// </code>
/// As Umbraco's default media query: <c>fetch</c> must be <c>children:</c>; filters <c>mediaType:{alias}</c>
/// and <c>name:{text}</c>; sorts <c>createDate, updateDate, name, sortOrder</c> (<c>:asc</c>/<c>:desc</c>).
/// </summary>
internal static class DeliveryMediaEndpoints
{
    private const string ChildrenPrefix = "children:";

    public static IEndpointRouteBuilder MapDeliveryMediaEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/umbraco/delivery/api/v2/media").WithTags("Delivery: media");
        api.MapGet("/", Query).WithName("GetMedia2.0").WithSummary("The children of a media folder, paged.");
        api.MapGet("/item/{id:guid}", ById).WithName("GetMediaItemById2.0").WithSummary("One media item by key.");
        api.MapGet("/item/{*path}", ByPath).WithName("GetMediaItemByPath2.0").WithSummary("One media item by path (lower-cased folder names).");
        api.MapGet("/items", Items).WithName("GetMediaItems2.0").WithSummary("Several media items by key; unknown keys are left out.");
        return app;
    }

    private static IResult Query(string? fetch, string[]? filter, string[]? sort, int? skip, int? take, PublishedMediaCache cache)
    {
        if (fetch is null || !fetch.StartsWith(ChildrenPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return QueryProblem("Selector option not found", "The attempted 'fetch' option does not exist");
        }
        if (skip < 0 || take < 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [skip < 0 ? "skip" : "take"] = ["Must be zero or more."] });
        }
        IEnumerable<MediaItem> items = cache.ChildrenOfReference(fetch[ChildrenPrefix.Length..]);
        foreach (var option in (filter ?? []).Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            var parts = option.Split(':');
            if (parts.Length != 2 || parts[0] is not ("mediaType" or "name"))
            {
                return QueryProblem("Filter option not found", "One of the attempted 'filter' options does not exist");
            }
            var value = parts[1];
            items = parts[0] == "mediaType"
                ? items.Where(i => i.MediaType == value)
                : items.Where(i => i.Name.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
        foreach (var option in (sort ?? []).Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var parts = option.Split(':');
            var descending = parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            Func<MediaItem, object>? selector = parts[0].ToLowerInvariant() switch
            {
                "createdate" => i => i.CreateDate,
                "updatedate" => i => i.UpdateDate,
                "name" => i => i.Name.ToLowerInvariant(),
                "sortorder" => i => i.SortOrder,
                _ => null,
            };
            if (parts.Length != 2 || selector is null)
            {
                return QueryProblem("Sort option not found", "One of the attempted 'sort' options does not exist");
            }
            // As Umbraco's media query: each sort re-sorts the list, so the last one wins.
            items = descending ? items.OrderByDescending(selector) : items.OrderBy(selector);
        }
        var all = items.ToList();
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("total", all.Count);
            writer.WriteStartArray("items");
            foreach (var item in all.Skip(skip ?? 0).Take(take ?? 10))
            {
                DeliveryMediaWriter.WriteItem(writer, cache, item);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static IResult ById(Guid id, PublishedMediaCache cache) =>
        cache.Get(id) is { } item ? Json(writer => DeliveryMediaWriter.WriteItem(writer, cache, item)) : NotFound();

    private static IResult ByPath(string? path, PublishedMediaCache cache)
    {
        var decoded = Uri.UnescapeDataString(path ?? "");
        return cache.GetByPath(decoded) is { } item ? Json(writer => DeliveryMediaWriter.WriteItem(writer, cache, item)) : NotFound();
    }

    private static IResult Items(Guid[]? id, PublishedMediaCache cache) => Json(writer =>
    {
        writer.WriteStartArray();
        foreach (var key in (id ?? []).Distinct())
        {
            if (cache.Get(key) is { } item)
            {
                DeliveryMediaWriter.WriteItem(writer, cache, item);
            }
        }
        writer.WriteEndArray();
    });

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "Not Found");

    /// <summary>Umbraco's query errors: <c>type: "Error"</c>, no trace id.</summary>
    private static IResult QueryProblem(string title, string detail) =>
        Results.Json(new { type = "Error", title, status = 400, detail }, statusCode: 400, contentType: "application/problem+json");

    private static IResult Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }
}
