using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Site.Media;

/// <summary>
/// Media files as Umbraco front ends request them. Route table:
/// <code>
/// GET /media/{key}/{file}                                   the original
/// GET /media/{key}/{file}?width=&amp;height=&amp;rmode=&amp;ranchor=&amp;rxy=&amp;format=&amp;quality=&amp;bgcolor=&amp;v=&amp;hmac=
/// </code>
/// The file is found by key in the media cache and the name must match the stored one: the URL never
/// becomes a path, so <c>..%2f</c> cannot reach outside the media folder. Variants outside the presets
/// need a valid <c>hmac</c> (<see cref="MediaUrlSigner"/>).
/// </summary>
internal static class MediaFileEndpoints
{
    private const string LongCache = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{key:guid}/{file}", ServeAsync).WithName("GetMediaFile").WithTags("Media files")
            .WithSummary("A media file, or a resized/cropped/converted variant of an image (cached on disk).");
        return app;
    }

    private static async Task<IResult> ServeAsync(Guid key, string file, HttpContext context, PublishedMediaCache cache, MediaStore store, MediaVariantCache variants, MediaUrlSigner signer, IOptions<MediaOptions> options)
    {
        // Just uploaded, not yet in the media cache (it follows the change feed): the database answers, so the URL
        // the upload returned works at once. Only a key the cache lacks costs a (primary-key) query.
        var item = cache.Get(key) ?? await store.GetAsync(key, context.RequestAborted);
        if (item is not { IsFolder: false } || !string.Equals(item.FileName, file, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No media file at this address.");
        }
        var query = context.Request.QueryString.Value ?? "";
        var request = ImageRequest.Parse(query, out var error);
        if (request is null)
        {
            return Problem(error!.Split(':')[0], error);
        }
        context.Response.Headers.CacheControl = LongCache;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var format = item.Format;
        if (request.IsEmpty)
        {
            var etag = new EntityTagHeaderValue($"\"{item.Key:N}-{item.Bytes}\"");
            return Results.File(store.GetFilePath(item), format?.ContentType ?? "application/octet-stream", entityTag: etag, lastModified: item.CreateDate);
        }
        if (format is not { IsImage: true })
        {
            return Problem("width", "Only images can be resized or converted.");
        }
        if (!options.Value.PresetKeys.Contains(request.CanonicalKey) && !signer.Verify(context.Request.Path.Value ?? "", query))
        {
            return Problem(MediaUrlSigner.Parameter, "This image size is not a preset: the URL must carry a valid 'hmac' signature.");
        }
        var variant = await variants.GetAsync(item, request, context.RequestAborted);
        return variant.Content is { } bytes
            ? Results.Bytes(bytes, variant.ContentType, entityTag: new EntityTagHeaderValue(variant.ETag), lastModified: item.UpdateDate)
            : Results.File(variant.FilePath, variant.ContentType, entityTag: new EntityTagHeaderValue(variant.ETag), lastModified: item.UpdateDate);
    }

    private static IResult Problem(string field, string message)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: 400, title: "The image request is not valid.");
    }
}
