namespace PoleKnowledge.Extensions.Forms;

/// <summary>A field of a form definition (see <c>docs/forms.md</c> for the file format).</summary>
public sealed class FormField
{
    public required Guid Id { get; init; }
    public required string Alias { get; init; }
    public required string Caption { get; init; }
    public required FormFieldType Type { get; init; }
    public string HelpText { get; init; } = "";
    public string Placeholder { get; init; } = "";
    public bool Required { get; init; }
    public string RequiredErrorMessage { get; init; } = "";
    public string Pattern { get; init; } = "";
    public string PatternInvalidErrorMessage { get; init; } = "";
    public int? MaxLength { get; init; }
    public IReadOnlyList<FormPreValue> PreValues { get; init; } = [];
    public FormCondition Condition { get; init; } = FormCondition.None;
    public FormFileUploadOptions? FileUploadOptions { get; init; }
    /// <summary>Free settings delivered as Umbraco does (<c>acceptCopy</c> of a consent field, <c>autocompleteAttribute</c>…).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest accepted text: the definition's, or 4,000 characters (10,000 for a long answer).</summary>
    public int EffectiveMaxLength => MaxLength ?? (Type == FormFieldType.LongAnswer ? 10_000 : 4_000);
}
