using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Site.Api;

/// <summary>
/// The management API for media (bearer API tokens). Route table:
/// <code>
/// GET    /api/management/v1/media?parentKey=     children of a folder (root items when absent)
/// POST   /api/management/v1/media                multipart: file, name, parentKey, altText, caption, description, focalPoint, crops, sortOrder
/// POST   /api/management/v1/media/folders        {name, parentKey}
/// GET    /api/management/v1/media/{key}          one item
/// PUT    /api/management/v1/media/{key}          {name, parentKey (moves), sortOrder, focalPoint, crops, properties:{…}, revision}
/// DELETE /api/management/v1/media/{key}          the item, or a folder with everything in it
/// </code>
/// </summary>
internal static class ManagementMediaEndpoints
{
    /// <summary>Room for the multipart envelope and the text fields around the file.</summary>
    private const long FormOverheadBytes = 1024 * 1024;
    private static readonly string[] ReservedFields = ["file", "name", "parentKey", "focalPoint", "crops", "sortOrder"];

    public static IEndpointRouteBuilder MapManagementMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/management/v1/media").RequireAuthorization(ManagementContentEndpoints.Policy).WithTags("Management: media");
        api.MapGet("/", ListAsync).WithName("ListMedia").WithSummary("Children of a media folder (or the root items).");
        api.MapPost("/", UploadAsync).WithName("UploadMedia").WithSummary("Uploads an image or a document (multipart/form-data); the type follows the file's bytes.");
        api.MapPost("/folders", CreateFolderAsync).WithName("CreateMediaFolder").WithSummary("Creates a media folder.");
        api.MapGet("/{key:guid}", GetAsync).WithName("GetMedia").WithSummary("One media item or folder.");
        api.MapPut("/{key:guid}", UpdateAsync).WithName("UpdateMedia").WithSummary("Renames, moves, re-sorts a media item or changes its properties, focal point and crops.");
        api.MapDelete("/{key:guid}", DeleteAsync).WithName("DeleteMedia").WithSummary("Deletes a media item, or a folder with everything in it.");
        return app;
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "api";

    private static async Task<IResult> ListAsync(Guid? parentKey, MediaStore store, CancellationToken cancellationToken)
    {
        var children = await store.GetChildrenAsync(parentKey, cancellationToken);
        return Results.Json(new JsonObject { ["total"] = children.Count, ["items"] = new JsonArray([.. children.Select(c => (JsonNode)ToJson(c))]) }, ManagementResults.Json);
    }

    private static async Task<IResult> GetAsync(Guid key, MediaStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(key, cancellationToken) is { } item
            ? Results.Json(ToJson(item), ManagementResults.Json)
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"No media item with key {key}.");

    private static async Task<IResult> UploadAsync(HttpRequest request, MediaStore store, IOptions<MediaOptions> options, ClaimsPrincipal user)
    {
        var max = options.Value.MaxUploadBytes;
        if (request.ContentLength > max + FormOverheadBytes)
        {
            return TooLarge(max);
        }
        if (!request.HasFormContentType)
        {
            return Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send multipart/form-data with the file in a 'file' field.");
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + FormOverheadBytes;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max + FormOverheadBytes }, request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException exception) when (exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(max);
        }
        catch (InvalidDataException)
        {
            return ManagementResults.Field("file", "The multipart body is malformed.");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == 413)
        {
            return TooLarge(max);
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return ManagementResults.Field("file", "A file is required in the multipart field 'file'.");
        }
        if (file.Length > max)
        {
            return TooLarge(max);
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, request.HttpContext.RequestAborted);
        }
        if (ParseGuid(form, "parentKey", out var parentKey) is { } parentError)
        {
            return parentError;
        }
        if (ParseInt(form, "sortOrder", out var sortOrder) is { } sortError)
        {
            return sortError;
        }
        var write = new MediaWrite
        {
            Content = content,
            FileName = file.FileName,
            Name = form["name"].ToString() is { Length: > 0 } name ? name : null,
            ParentKey = parentKey,
            SortOrder = sortOrder,
            HasFocalPoint = form.ContainsKey("focalPoint"),
            FocalPoint = form.ContainsKey("focalPoint") ? TextOrJson(form["focalPoint"].ToString()) : null,
            HasCrops = form.ContainsKey("crops"),
            Crops = form.ContainsKey("crops") ? TextOrJson(form["crops"].ToString()) : null,
            Properties = form.Where(f => !ReservedFields.Contains(f.Key)).ToDictionary(f => f.Key, f => (JsonNode?)JsonValue.Create(f.Value.ToString())),
        };
        return From(await store.CreateAsync(write, Actor(user), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> CreateFolderAsync(HttpRequest request, MediaStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }
        if (ReadGuid(body!, "parentKey", out var parentKey) is { } parentError)
        {
            return parentError;
        }
        var write = new MediaWrite { Name = body!["name"] is JsonValue n && n.TryGetValue<string>(out var name) ? name : null, ParentKey = parentKey };
        return From(await store.CreateFolderAsync(write, Actor(user), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> UpdateAsync(Guid key, HttpRequest request, MediaStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }
        if (ReadGuid(body!, "parentKey", out var parentKey) is { } parentError)
        {
            return parentError;
        }
        int? revision = null;
        if (body!["revision"] is { } r)
        {
            if (r is not JsonValue rv || !rv.TryGetValue<int>(out var given))
            {
                return ManagementResults.Field("revision", "The revision is a whole number.");
            }
            revision = given;
        }
        else if (int.TryParse(request.Headers.IfMatch.ToString().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var fromHeader))
        {
            revision = fromHeader;
        }
        int? sortOrder = null;
        if (body["sortOrder"] is { } s)
        {
            if (s is not JsonValue sv || !sv.TryGetValue<int>(out var givenSort))
            {
                return ManagementResults.Field("sortOrder", "The sort order is a whole number.");
            }
            sortOrder = givenSort;
        }
        if (body["properties"] is { } p && p is not JsonObject)
        {
            return ManagementResults.Field("properties", "Properties are an object: {\"altText\": \"…\"}.");
        }
        var write = new MediaWrite
        {
            Name = body["name"] is JsonValue n && n.TryGetValue<string>(out var name) ? name : null,
            ParentKey = parentKey,
            Move = body.ContainsKey("parentKey"),
            SortOrder = sortOrder,
            HasFocalPoint = body.ContainsKey("focalPoint"),
            FocalPoint = body["focalPoint"]?.DeepClone(),
            HasCrops = body.ContainsKey("crops"),
            Crops = body["crops"]?.DeepClone(),
            Properties = (body["properties"] as JsonObject)?.ToDictionary(x => x.Key, x => x.Value?.DeepClone()) ?? [],
            Revision = revision,
        };
        return From(await store.UpdateAsync(key, write, Actor(user), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> DeleteAsync(Guid key, MediaStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        From(await store.DeleteAsync(key, Actor(user), cancellationToken));

    private static IResult TooLarge(long max) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"The file may be at most {max / 1024.0 / 1024.0:0.#} MB."] }, statusCode: 413, title: "The file is too large.");

    private static IResult From(MediaOutcome outcome)
    {
        var errors = outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return outcome.Status switch
        {
            MediaStatus.Ok => Results.Json(outcome.Item is null ? new JsonObject { ["ok"] = true } : ToJson(outcome.Item), ManagementResults.Json),
            MediaStatus.Created => Results.Created($"/api/management/v1/media/{outcome.Item!.Key}", ToJson(outcome.Item)),
            MediaStatus.NotFound => Results.Problem(statusCode: 404, title: "Not found", detail: outcome.Message),
            MediaStatus.Conflict => Results.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message),
            MediaStatus.TooLarge => Results.ValidationProblem(errors, outcome.Message, statusCode: 413, title: "The file is too large."),
            MediaStatus.UnsupportedType => Results.ValidationProblem(errors, outcome.Message, statusCode: 415, title: "This kind of file is not accepted."),
            MediaStatus.TooManyPixels => Results.ValidationProblem(errors, outcome.Message, statusCode: 422, title: "The image has too many pixels."),
            _ => Results.ValidationProblem(errors, outcome.Message, statusCode: 422, title: "The media item is not valid."),
        };
    }

    public static JsonObject ToJson(MediaItem item) => new()
    {
        ["key"] = item.Key,
        ["parentKey"] = item.ParentKey,
        ["name"] = item.Name,
        ["mediaType"] = item.MediaType,
        ["sortOrder"] = item.SortOrder,
        ["level"] = item.Level,
        ["url"] = item.Url,
        ["extension"] = item.Extension,
        ["width"] = item.Width,
        ["height"] = item.Height,
        ["bytes"] = item.Bytes,
        ["focalPoint"] = item.FocalLeft is { } left && item.FocalTop is { } top ? new JsonObject { ["left"] = left, ["top"] = top } : null,
        ["crops"] = item.Crops is { } crops ? JsonNode.Parse(crops) : null,
        ["properties"] = JsonNode.Parse(item.Properties),
        ["hasText"] = item.HasText,
        ["revision"] = item.Revision,
        ["createDate"] = item.CreateDate,
        ["updateDate"] = item.UpdateDate,
    };

    /// <summary>A form field that holds JSON (<c>{"left":…}</c>, <c>[…]</c>) is read as JSON, anything else as text.</summary>
    private static JsonNode? TextOrJson(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(trimmed);
            }
            catch (JsonException)
            {
                // Left as text: the store names the field and the expected shape.
            }
        }
        return trimmed.Length == 0 ? null : JsonValue.Create(trimmed);
    }

    private static IResult? ParseGuid(IFormCollection form, string field, out Guid? value)
    {
        value = null;
        var text = form[field].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        if (!Guid.TryParse(text, out var parsed))
        {
            return ManagementResults.Field(field, $"Expected a GUID, got '{text}'.");
        }
        value = parsed;
        return null;
    }

    private static IResult? ParseInt(IFormCollection form, string field, out int? value)
    {
        value = null;
        var text = form[field].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return ManagementResults.Field(field, $"Expected a whole number, got '{text}'.");
        }
        value = parsed;
        return null;
    }

    private static IResult? ReadGuid(JsonObject body, string field, out Guid? value)
    {
        value = null;
        if (body[field] is null)
        {
            return null;
        }
        if (body[field] is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var parsed))
        {
            value = parsed;
            return null;
        }
        return ManagementResults.Field(field, $"Expected a GUID or null, got {body[field]!.ToJsonString()}.");
    }

    private static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request)
    {
        if (request.ContentLength > ManagementResults.MaxBodyBytes)
        {
            return (null, Results.Problem(statusCode: 413, title: "Request too large", detail: $"The body may be at most {ManagementResults.MaxBodyBytes / 1024 / 1024} MB."));
        }
        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send application/json."));
        }
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return node is JsonObject body ? (body, null) : (null, ManagementResults.Field("body", "Expected a JSON object."));
        }
        catch (JsonException exception)
        {
            return (null, ManagementResults.Field("body", $"Malformed JSON{(exception.LineNumber is { } line ? $" at line {line + 1}" : "")}."));
        }
    }
}
