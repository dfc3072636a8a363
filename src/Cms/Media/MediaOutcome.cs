using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Media;

/// <summary>The result of a media write: a status, the item when it succeeded, the field errors when not.</summary>
public sealed class MediaOutcome
{
    public required MediaStatus Status { get; init; }
    public MediaItem? Item { get; init; }
    public string? Message { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public bool Succeeded => Status is MediaStatus.Ok or MediaStatus.Created;

    public static MediaOutcome Ok(MediaItem? item) => new() { Status = MediaStatus.Ok, Item = item };
    public static MediaOutcome Created(MediaItem item) => new() { Status = MediaStatus.Created, Item = item };
    public static MediaOutcome NotFound(string message) => new() { Status = MediaStatus.NotFound, Message = message };
    public static MediaOutcome Conflict(string message) => new() { Status = MediaStatus.Conflict, Message = message };

    public static MediaOutcome Fail(MediaStatus status, string field, string message) =>
        new() { Status = status, Message = message, Errors = [new FieldError(field, message)] };

    public static MediaOutcome Invalid(IReadOnlyList<FieldError> errors) =>
        new() { Status = MediaStatus.Invalid, Message = "The media item is not valid.", Errors = errors };
}
