namespace PoleKnowledge.Extensions.Forms;

/// <summary>A page of a multi-page form. Delivered as one fieldset with one full-width column, Umbraco's shape.</summary>
public sealed class FormPage
{
    public string Caption { get; init; } = "";
    public FormCondition Condition { get; init; } = FormCondition.None;
    public required IReadOnlyList<FormField> Fields { get; init; }
    /// <summary>Stable id of the page's single fieldset.</summary>
    public required Guid FieldsetId { get; init; }
}
