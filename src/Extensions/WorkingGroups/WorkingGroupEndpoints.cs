using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Net.Http.Json;
using PoleKnowledge.Cms.Mail;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// Editors' API for working groups (management tokens, like the management API): sign-ups with the balance of
/// categories, CSV export, decline (which promotes from the waiting list), and status changes that apply the
/// concertation rule.
/// </summary>
public static class WorkingGroupEndpoints
{
    public const string Base = "/api/pole/v1/working-groups";

    //   GET  /api/pole/v1/working-groups/{key}/sign-ups                  list + confirmed per category
    //   GET  /api/pole/v1/working-groups/{key}/sign-ups.csv              CSV export (; separated, UTF-8 BOM)
    //   POST /api/pole/v1/working-groups/{key}/sign-ups/{id}/decline     { "message"? } decline, tell the person; frees the seat for the waiting list
    //   POST /api/pole/v1/working-groups/{key}/sign-ups/{id}/promote     move a waiting person to a seat (editor's decision, even beyond capacity)
    //   POST /api/pole/v1/working-groups/{key}/email                     { "subject", "message", "includeWaiting"? } e-mail participants
    //   PUT  /api/pole/v1/working-groups/{key}/status                    { "status": "en-cours" }: 409 if a concertation lacks a base structure
    public static IEndpointRouteBuilder MapWorkingGroupEndpoints(this IEndpointRouteBuilder app, string authorizationPolicy)
    {
        var group = app.MapGroup(Base).WithTags("Working groups").RequireAuthorization(authorizationPolicy);
        group.MapGet("/{key:guid}/sign-ups", ListAsync).WithName("ListSignUps").WithSummary("Sign-ups of a group, with the confirmed count per category.");
        group.MapGet("/{key:guid}/sign-ups.csv", ExportAsync).WithName("ExportSignUps").WithSummary("Sign-ups of a group as CSV.");
        group.MapPost("/{key:guid}/sign-ups/{id:guid}/decline", DeclineAsync).WithName("DeclineSignUp").WithSummary("Declines a sign-up with an optional message; the first on the waiting list takes the seat.");
        group.MapPost("/{key:guid}/sign-ups/{id:guid}/promote", PromoteAsync).WithName("PromoteSignUp").WithSummary("Moves a waiting sign-up to a seat.");
        group.MapPost("/{key:guid}/email", EmailAsync).WithName("EmailParticipants").WithSummary("E-mails the group's participants.");
        group.MapPut("/{key:guid}/status", ChangeStatusAsync).WithName("ChangeGroupStatus").WithSummary("Moves a group to a new status (publishes it).");
        return app;
    }

    private static async Task<IResult> ListAsync(Guid key, WorkingGroupCatalog groups, SignUpStore signUps, CancellationToken cancellationToken)
    {
        if (groups.Find(key) is not { } group)
        {
            return GroupNotFound(key);
        }
        var list = await signUps.ListAsync(key, cancellationToken);
        var balance = await signUps.ConfirmedByCategoryAsync(key, cancellationToken);
        return Results.Ok(new
        {
            group = new { id = group.Key, group.Name, group.Status, group.Modality, group.Capacity },
            confirmed = list.Count(s => s.Status == SignUpStatus.Confirmed),
            waiting = list.Count(s => s.Status == SignUpStatus.Waiting),
            confirmedByCategory = balance,
            items = list.Select(s => new { s.Id, status = s.Status.ToString(), s.Position, s.Name, s.Email, s.StructureName, s.Role, s.Category, s.Brings, s.Expects, s.CreatedUtc, s.EmailConfirmedUtc }),
        });
    }

    private static async Task<IResult> ExportAsync(Guid key, HttpContext http, WorkingGroupCatalog groups, SignUpCsvExporter exporter, CancellationToken cancellationToken)
    {
        if (groups.Find(key) is null)
        {
            return GroupNotFound(key);
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"inscriptions-{key:N}.csv\"";
        await exporter.WriteAsync(key, http.Response.Body, cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> DeclineAsync(Guid key, Guid id, HttpContext http, SignUpStore signUps, IMailSender mail, CancellationToken cancellationToken)
    {
        string? message = null;
        if (http.Request.HasJsonContentType())
        {
            try
            {
                message = (await http.Request.ReadFromJsonAsync<EditorMessage>(cancellationToken))?.Message;
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON.");
            }
        }
        var outcome = await signUps.DeclineAsync(id, key, message, BaseUrl(http), mail, cancellationToken);
        return outcome.Result switch
        {
            SignUpResult.InvalidToken => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Sign-up not found."),
            SignUpResult.AlreadyCancelled => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already cancelled or declined."),
            _ => Results.NoContent(),
        };
    }

    private static async Task<IResult> PromoteAsync(Guid key, Guid id, HttpContext http, SignUpStore signUps, CancellationToken cancellationToken)
    {
        var outcome = await signUps.PromoteAsync(id, key, BaseUrl(http), cancellationToken);
        return outcome.Result switch
        {
            SignUpResult.Confirmed => Results.NoContent(),
            SignUpResult.InvalidToken or SignUpResult.GroupNotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Sign-up not found."),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only a sign-up on the waiting list can be moved to a seat."),
        };
    }

    private static async Task<IResult> EmailAsync(Guid key, EditorMessage body, WorkingGroupCatalog groups, SignUpStore signUps, IMailSender mail, CancellationToken cancellationToken)
    {
        if (groups.Find(key) is null)
        {
            return GroupNotFound(key);
        }
        var message = new ParticipantMessage(body.Subject, body.Message, body.IncludeWaiting);
        if (message.Validate() is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors);
        }
        var sent = await signUps.EmailParticipantsAsync(key, message.Subject!, message.Message!, message.IncludeWaiting, mail, cancellationToken);
        return Results.Ok(new { sent });
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static async Task<IResult> ChangeStatusAsync(Guid key, StatusChange body, GroupStatusPublisher publisher, CancellationToken cancellationToken)
    {
        var outcome = await publisher.ChangeAsync(key, body.Status, "api:working-groups", cancellationToken);
        return outcome.Result switch
        {
            GroupStatusChangeResult.Changed => Results.NoContent(),
            GroupStatusChangeResult.GroupNotFound => GroupNotFound(key),
            GroupStatusChangeResult.RuleRefused => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Concertation rule.", detail: outcome.Message,
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors }),
            _ => Results.ValidationProblem(outcome.Errors!),
        };
    }

    private static IResult GroupNotFound(Guid key) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Working group not found.", detail: $"No published working group {key}.");

    /// <summary>Body of the status change.</summary>
    public sealed record StatusChange(string? Status);

    /// <summary>Body of a decline (message only) or of an e-mail to participants.</summary>
    public sealed record EditorMessage(string? Subject, string? Message, bool IncludeWaiting = false);
}
