using System.Text.Json.Nodes;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>The normalised values of a write (only the valid, non-empty ones) and the field errors.</summary>
public sealed class ContentValuesResult
{
    public required JsonObject Values { get; init; }
    public required IReadOnlyList<FieldError> Errors { get; init; }
    public bool IsValid => Errors.Count == 0;
}
