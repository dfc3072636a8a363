using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Site.Api;

/// <summary>Maps content outcomes to HTTP results: ProblemDetails naming the field for every failure.</summary>
internal static class ManagementResults
{
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult From(ContentOutcome outcome, Func<ContentItemView, string>? location = null) => outcome.Status switch
    {
        ContentStatus.Ok => Results.Json(outcome.Item is null ? new JsonObject { ["ok"] = true } : ToJson(outcome.Item), Json),
        ContentStatus.Created when outcome.Item is not null && location is not null => Results.Json(ToJson(outcome.Item), Json, statusCode: 201, contentType: "application/json").WithLocation(location(outcome.Item)),
        ContentStatus.Created => Results.Json(outcome.Item is null ? null : ToJson(outcome.Item), Json, statusCode: 201),
        ContentStatus.Invalid => Results.ValidationProblem(Errors(outcome), detail: outcome.Message, statusCode: 422, title: "The content is not valid."),
        ContentStatus.NotFound => Results.Problem(statusCode: 404, title: "Not found", detail: outcome.Message),
        ContentStatus.Conflict when outcome.Errors.Count > 0 => Results.ValidationProblem(Errors(outcome), detail: outcome.Message, statusCode: 409, title: "Conflict"),
        _ => Results.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message),
    };

    public static IResult Field(string field, string message, int status = 400) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, statusCode: status, title: status == 400 ? "The request is not valid." : "The content is not valid.");

    private static Dictionary<string, string[]> Errors(ContentOutcome outcome) =>
        outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>Reads a JSON body; a malformed one is a 400 naming the JSON path, an oversize one a 413.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request) where T : class, new()
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Results.Problem(statusCode: 413, title: "Request too large", detail: $"The body may be at most {MaxBodyBytes / 1024 / 1024} MB."));
        }
        if (request.ContentLength == 0)
        {
            return (new T(), null);
        }
        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send application/json."));
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, request.HttpContext.RequestAborted);
            return (value ?? new T(), null);
        }
        catch (JsonException exception)
        {
            var path = string.IsNullOrEmpty(exception.Path) ? "body" : exception.Path.TrimStart('$', '.');
            return (null, Field(path.Length == 0 ? "body" : path, $"Malformed JSON{(exception.LineNumber is { } line ? $" at line {line + 1}" : "")}: the value does not have the expected type or syntax."));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == 413)
        {
            return (null, Results.Problem(statusCode: 413, title: "Request too large", detail: exception.Message));
        }
    }

    public static JsonObject ToJson(ContentItemView item)
    {
        var names = new JsonObject();
        foreach (var (culture, name) in item.Data.Names)
        {
            names[culture.Length == 0 ? "invariant" : culture] = name;
        }
        var cultures = new JsonObject();
        foreach (var (culture, values) in item.Data.CultureValues)
        {
            cultures[culture] = values.DeepClone();
        }
        var published = new JsonObject();
        foreach (var (culture, state) in item.Published)
        {
            published[culture.Length == 0 ? "invariant" : culture] = new JsonObject
            {
                ["version"] = state.Version, ["publishDate"] = state.PublishDate, ["name"] = state.Name, ["urlSegment"] = state.UrlSegment,
            };
        }
        return new JsonObject
        {
            ["key"] = item.Key,
            ["importKey"] = item.ImportKey,
            ["contentType"] = item.ContentType,
            ["parentKey"] = item.ParentKey,
            ["sortOrder"] = item.SortOrder,
            ["level"] = item.Level,
            ["trashed"] = item.Trashed,
            ["revision"] = item.Revision,
            ["version"] = item.Version,
            ["createDate"] = item.CreateDate,
            ["updateDate"] = item.UpdateDate,
            ["names"] = names,
            ["values"] = new JsonObject { ["invariant"] = item.Data.InvariantValues.DeepClone(), ["cultures"] = cultures },
            ["published"] = published,
            ["schedule"] = new JsonArray([.. item.Schedule.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["culture"] = s.Culture.Length == 0 ? null : s.Culture, ["action"] = s.Action, ["dueDate"] = s.DueUtc })]),
        };
    }

    private static IResult WithLocation(this IResult result, string location) => new LocationResult(result, location);

    private sealed class LocationResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
