using Microsoft.AspNetCore.Http.HttpResults;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Persistence.Store;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>
/// The search behind the content and media picker dialogs of the edit forms: name contains <c>q</c>, of the
/// <c>types</c> (comma-separated aliases), a page at <c>skip</c>/<c>take</c>. For any signed-in back-office user;
/// JSON for <c>js/backoffice.js</c>.
/// </summary>
internal static class BackOfficePickerEndpoints
{
    public static IEndpointRouteBuilder MapBackOfficePickerEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BackOfficeExtensions.BasePath + "/api/selecteur").RequireAuthorization(BackOfficeRoles.UsePolicy).WithTags("Back office").ExcludeFromDescription();
        api.MapGet("/contenu", SearchContentAsync).WithName("BackOfficeContentPickerSearch").WithSummary("Content items (drafts included, recycle bin excluded) whose name contains q.");
        api.MapGet("/medias", SearchMediaAsync).WithName("BackOfficeMediaPickerSearch").WithSummary("Media items (not folders) whose name contains q.");
        return app;
    }

    /// <summary>One result: key, name, type alias and the type's display name.</summary>
    public sealed record PickerResult(Guid Id, string Name, string Type, string TypeName);

    public sealed record PickerPage(IReadOnlyList<PickerResult> Items, bool HasMore, int Skip, int Take);

    private static async Task<Results<Ok<PickerPage>, ValidationProblem>> SearchContentAsync(ContentStore store, string? q, string? types, int? skip, int? take, CancellationToken cancellationToken)
    {
        var schema = store.Schema;
        if (!TryRead(q, types, skip, take, alias => schema.GetDocumentType(alias) is not null, out var query, out var problem))
        {
            return problem;
        }
        var (items, hasMore) = await store.SearchForPickerAsync(query, cancellationToken);
        return TypedResults.Ok(new PickerPage([.. items.Select(i => new PickerResult(i.Key, i.Name, i.Type, schema.GetDocumentType(i.Type)?.Name ?? i.Type))], hasMore, query.Skip, query.Take));
    }

    private static async Task<Results<Ok<PickerPage>, ValidationProblem>> SearchMediaAsync(MediaStore media, ContentSchemaHolder holder, string? q, string? types, int? skip, int? take, CancellationToken cancellationToken)
    {
        var schema = holder.Schema;
        if (!TryRead(q, types, skip, take, alias => schema.GetMediaType(alias) is not null, out var query, out var problem))
        {
            return problem;
        }
        var (items, hasMore) = await media.SearchForPickerAsync(query, cancellationToken);
        return TypedResults.Ok(new PickerPage([.. items.Select(i => new PickerResult(i.Key, i.Name, i.Type, schema.GetMediaType(i.Type)?.Name ?? i.Type))], hasMore, query.Skip, query.Take));
    }

    private static bool TryRead(string? q, string? types, int? skip, int? take, Func<string, bool> knownType, out PickerQuery query, out ValidationProblem problem)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > PickerQuery.MaxTextLength })
        {
            errors["q"] = [$"At most {PickerQuery.MaxTextLength} characters."];
        }
        var aliases = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (aliases.Length > 50 || aliases.Any(a => !knownType(a)))
        {
            errors["types"] = ["Unknown type alias."];
        }
        if (skip is < 0 or > 100_000)
        {
            errors["skip"] = ["Between 0 and 100000."];
        }
        if (take is < 1 or > PickerQuery.MaxTake)
        {
            errors["take"] = [$"Between 1 and {PickerQuery.MaxTake}."];
        }
        query = new PickerQuery(q, aliases, skip ?? 0, take ?? 20);
        problem = TypedResults.ValidationProblem(errors);
        return errors.Count == 0;
    }
}
