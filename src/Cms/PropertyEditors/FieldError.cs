namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>A problem with one field of a write: <see cref="Field"/> is the property alias (or a path inside it).</summary>
public sealed record FieldError(string Field, string Message);
