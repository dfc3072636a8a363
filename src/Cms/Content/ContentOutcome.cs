using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Content;

/// <summary>The result of a content operation: a status, field errors when invalid, the item when it succeeded.</summary>
public sealed class ContentOutcome
{
    public ContentStatus Status { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    public ContentItemView? Item { get; init; }
    public string? Message { get; init; }
    /// <summary>True when a write found nothing to change (an idempotent re-import).</summary>
    public bool Unchanged { get; init; }

    public bool Succeeded => Status is ContentStatus.Ok or ContentStatus.Created;

    public static ContentOutcome Invalid(params FieldError[] errors) => new() { Status = ContentStatus.Invalid, Errors = errors, Message = "The content is not valid." };
    public static ContentOutcome Invalid(IReadOnlyList<FieldError> errors) => new() { Status = ContentStatus.Invalid, Errors = errors, Message = "The content is not valid." };
    public static ContentOutcome NotFound(string message) => new() { Status = ContentStatus.NotFound, Message = message };
    public static ContentOutcome Conflict(string message, params FieldError[] errors) => new() { Status = ContentStatus.Conflict, Message = message, Errors = errors };
}
