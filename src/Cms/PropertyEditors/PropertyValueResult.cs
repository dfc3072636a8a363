using System.Text.Json.Nodes;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>Outcome of <see cref="IPropertyEditor.Normalize"/>: either a stored value or one or more errors.</summary>
public sealed class PropertyValueResult
{
    private PropertyValueResult(JsonNode? value, IReadOnlyList<string> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The canonical stored value; null means "no value".</summary>
    public JsonNode? Value { get; }

    /// <summary>Human-readable problems, in French-neutral English sentences naming what was expected.</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    public static PropertyValueResult Ok(JsonNode? value) => new(value, []);

    public static PropertyValueResult Empty { get; } = new(null, []);

    public static PropertyValueResult Fail(params string[] errors) => new(null, errors);

    public static PropertyValueResult Fail(IReadOnlyList<string> errors) => new(null, errors);
}
