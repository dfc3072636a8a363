using PoleKnowledge.Cms.Persistence.Store;
using System.Security.Claims;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Site.Api;

/// <summary>
/// The management API for content (bearer API tokens). Route table:
/// <code>
/// GET    /api/management/v1/content?parentKey=&skip=&take=   children of an item (roots when absent), drafts included, paged (take ≤ 500)
/// POST   /api/management/v1/content                    create (or update the item with that import key)
/// GET    /api/management/v1/content/{key}              draft, publication state, schedule
/// PUT    /api/management/v1/content/{key}              update one culture (revision required: stale → 409)
/// DELETE /api/management/v1/content/{key}              to the recycle bin (?permanent=true deletes an item already in it)
/// POST   /api/management/v1/content/{key}/publish      publish cultures ({cultures:[…]}, all when empty)
/// POST   /api/management/v1/content/{key}/unpublish    unpublish cultures
/// POST   /api/management/v1/content/{key}/schedule     {culture, publishAt, unpublishAt}
/// DELETE /api/management/v1/content/{key}/schedule/{id}
/// POST   /api/management/v1/content/{key}/move         {parentKey, sortOrder}
/// POST   /api/management/v1/content/{key}/copy         {parentKey}
/// POST   /api/management/v1/content/{key}/restore      {parentKey} (optional)
/// PUT    /api/management/v1/content/sort               {parentKey, keys:[…]}
/// GET    /api/management/v1/content/{key}/versions
/// GET    /api/management/v1/content/{key}/versions/{n}
/// POST   /api/management/v1/content/{key}/versions/{n}/rollback
/// </code>
/// </summary>
internal static class ManagementContentEndpoints
{
    public const string Policy = "ManagementApi";

    public static IEndpointRouteBuilder MapManagementContentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/management/v1/content").RequireAuthorization(Policy).WithTags("Management: content");
        api.MapGet("/", ListAsync).WithName("ListContent").WithSummary("Children of an item (or the root items), drafts included.");
        api.MapPost("/", CreateAsync).WithName("CreateContent").WithSummary("Creates an item (or updates the item with the same import key).");
        api.MapGet("/{key:guid}", GetAsync).WithName("GetContent").WithSummary("The draft of an item with its publication state.");
        api.MapPut("/{key:guid}", UpdateAsync).WithName("UpdateContent").WithSummary("Saves a new version of one culture of an item.");
        api.MapDelete("/{key:guid}", DeleteAsync).WithName("DeleteContent").WithSummary("Moves an item to the recycle bin, or deletes it for good with ?permanent=true.");
        api.MapPost("/{key:guid}/publish", PublishAsync).WithName("PublishContent").WithSummary("Publishes the current draft.");
        api.MapPost("/{key:guid}/unpublish", UnpublishAsync).WithName("UnpublishContent").WithSummary("Withdraws the published version.");
        api.MapPost("/{key:guid}/schedule", ScheduleAsync).WithName("ScheduleContent").WithSummary("Schedules a publish and/or unpublish (UTC or with an offset).");
        api.MapDelete("/{key:guid}/schedule/{id:long}", CancelScheduleAsync).WithName("CancelSchedule").WithSummary("Cancels a scheduled action.");
        api.MapPost("/{key:guid}/move", MoveAsync).WithName("MoveContent").WithSummary("Moves an item under another parent.");
        api.MapPost("/{key:guid}/copy", CopyAsync).WithName("CopyContent").WithSummary("Copies an item (unpublished).");
        api.MapPost("/{key:guid}/restore", RestoreAsync).WithName("RestoreContent").WithSummary("Restores an item from the recycle bin.");
        api.MapPut("/sort", SortAsync).WithName("SortContent").WithSummary("Orders the children of a parent.");
        api.MapGet("/{key:guid}/versions", VersionsAsync).WithName("ListContentVersions").WithSummary("Version history, newest first.");
        api.MapGet("/{key:guid}/versions/{number:int}", VersionAsync).WithName("GetContentVersion").WithSummary("The values of one version.");
        api.MapPost("/{key:guid}/versions/{number:int}/rollback", RollbackAsync).WithName("RollbackContent").WithSummary("Makes an earlier version the current draft (as a new version).");
        return app;
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "api";

    private static string Location(ContentItemView item) => $"/api/management/v1/content/{item.Key}";

    private static async Task<IResult> ListAsync(Guid? parentKey, bool? trashed, int? skip, int? take, ContentStore store, CancellationToken cancellationToken)
    {
        if (skip is < 0)
        {
            return ManagementResults.Field("skip", "skip is 0 or more.");
        }
        if (take is < 1 or > 500)
        {
            return ManagementResults.Field("take", "take is between 1 and 500 (default 100).");
        }
        var (total, children) = await store.GetChildrenPageAsync(parentKey, skip ?? 0, take ?? 100, trashed ?? false, cancellationToken);
        return Results.Json(new JsonObject { ["total"] = total, ["items"] = new JsonArray([.. children.Select(c => (JsonNode)ManagementResults.ToJson(c))]) }, ManagementResults.Json);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<ContentWriteRequest>(request);
        if (error is not null)
        {
            return error;
        }
        if (string.IsNullOrWhiteSpace(body!.ContentType))
        {
            return ManagementResults.Field("contentType", "A document type alias is required (for example 'resource').", 422);
        }
        var outcome = await store.SaveAsync(ToWrite(body, null), Actor(user), request.HttpContext.RequestAborted);
        return ManagementResults.From(outcome, Location);
    }

    private static async Task<IResult> GetAsync(Guid key, ContentStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(key, cancellationToken) is { } item
            ? Results.Json(ManagementResults.ToJson(item), ManagementResults.Json)
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"No item with key {key}.");

    private static async Task<IResult> UpdateAsync(Guid key, HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<ContentWriteRequest>(request);
        if (error is not null)
        {
            return error;
        }
        var existing = await store.GetAsync(key, request.HttpContext.RequestAborted);
        if (existing is null)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: $"No item with key {key}.");
        }
        if (body!.Revision is null && !int.TryParse(request.Headers.IfMatch.ToString().Trim('"'), out _))
        {
            return ManagementResults.Field("revision", $"Send the revision you read (current is {existing.Revision}) in 'revision' or If-Match, so concurrent edits are not overwritten.", 428);
        }
        var revision = body.Revision ?? int.Parse(request.Headers.IfMatch.ToString().Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        var write = ToWrite(body, key, existing.ContentType, revision);
        return ManagementResults.From(await store.SaveAsync(write, Actor(user), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> DeleteAsync(Guid key, bool? permanent, ContentStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ManagementResults.From(permanent == true ? await store.DeleteAsync(key, Actor(user), cancellationToken) : await store.TrashAsync(key, Actor(user), cancellationToken));

    private static async Task<IResult> PublishAsync(Guid key, HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<CulturesRequest>(request);
        return error ?? ManagementResults.From(await store.PublishAsync(key, body!.Cultures, Actor(user), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> UnpublishAsync(Guid key, HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<CulturesRequest>(request);
        return error ?? ManagementResults.From(await store.UnpublishAsync(key, body!.Cultures, Actor(user), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> ScheduleAsync(Guid key, HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<ScheduleRequest>(request);
        if (error is not null)
        {
            return error;
        }
        if (body!.PublishAt is null && body.UnpublishAt is null)
        {
            return ManagementResults.Field("publishAt", "Give publishAt and/or unpublishAt (ISO-8601 with an offset, e.g. 2027-03-15T08:00:00+01:00).", 422);
        }
        if (body.PublishAt is { } publishAt && body.UnpublishAt is { } unpublishAt && unpublishAt <= publishAt)
        {
            return ManagementResults.Field("unpublishAt", "The unpublish date must come after the publish date.", 422);
        }
        ContentOutcome outcome = new() { Status = ContentStatus.Ok };
        if (body.PublishAt is { } publish)
        {
            outcome = await store.ScheduleAsync(key, body.Culture, ContentStore.SchedulePublish, publish, Actor(user), request.HttpContext.RequestAborted);
        }
        if (outcome.Succeeded && body.UnpublishAt is { } unpublish)
        {
            outcome = await store.ScheduleAsync(key, body.Culture, ContentStore.ScheduleUnpublish, unpublish, Actor(user), request.HttpContext.RequestAborted);
        }
        return ManagementResults.From(outcome);
    }

    private static async Task<IResult> CancelScheduleAsync(Guid key, long id, ContentStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ManagementResults.From(await store.CancelScheduleAsync(key, id, Actor(user), cancellationToken));

    private static async Task<IResult> MoveAsync(Guid key, HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<MoveRequest>(request);
        return error ?? ManagementResults.From(await store.MoveAsync(key, body!.ParentKey, body.SortOrder, Actor(user), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> CopyAsync(Guid key, HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<CopyRequest>(request);
        return error ?? ManagementResults.From(await store.CopyAsync(key, body!.ParentKey, Actor(user), request.HttpContext.RequestAborted), Location);
    }

    private static async Task<IResult> RestoreAsync(Guid key, HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<MoveRequest>(request);
        return error ?? ManagementResults.From(await store.RestoreAsync(key, body!.ParentKey, Actor(user), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> SortAsync(HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<SortRequest>(request);
        if (error is not null)
        {
            return error;
        }
        if (body!.Keys is not { Count: > 0 } keys)
        {
            return ManagementResults.Field("keys", "Give the children's keys in the wanted order.", 422);
        }
        return ManagementResults.From(await store.SortAsync(body.ParentKey, keys, Actor(user), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> VersionsAsync(Guid key, ContentStore store, CancellationToken cancellationToken) =>
        await store.GetVersionsAsync(key, cancellationToken) is { } versions
            ? Results.Json(new { total = versions.Count, items = versions }, ManagementResults.Json)
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"No item with key {key}.");

    private static async Task<IResult> VersionAsync(Guid key, int number, ContentStore store, CancellationToken cancellationToken) =>
        await store.GetVersionDataAsync(key, number, cancellationToken) is { } data
            ? Results.Text(data.ToJson(), "application/json")
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"Item {key} has no version {number}.");

    private static async Task<IResult> RollbackAsync(Guid key, int number, HttpRequest request, ContentStore store, ClaimsPrincipal user)
    {
        var (body, error) = await ManagementResults.ReadAsync<RollbackRequest>(request);
        return error ?? ManagementResults.From(await store.RollbackAsync(key, number, body!.Revision, Actor(user), request.HttpContext.RequestAborted));
    }

    private static ContentWrite ToWrite(ContentWriteRequest body, Guid? key, string? contentType = null, int? revision = null) => new()
    {
        Key = key ?? (Guid.TryParse(body.Key, out var guid) ? guid : null),
        ImportKey = key is null && body.Key is { Length: > 0 } importKey && !Guid.TryParse(importKey, out _) ? importKey : null,
        ContentType = contentType ?? body.ContentType ?? "",
        Name = body.Name ?? "",
        ParentKey = body.ParentKey,
        ParentRoute = body.ParentKey is null ? body.Parent : null,
        Culture = body.Culture,
        UrlSegment = body.UrlSegment,
        SortOrder = body.SortOrder,
        Publish = body.Publish,
        ExpectedRevision = revision,
        ReplaceValues = body.ReplaceValues ?? true,
        Values = body.Values ?? [],
    };
}
