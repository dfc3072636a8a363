namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary><c>Umbraco.TextArea</c>: plain multi-line text.</summary>
internal sealed class TextAreaEditor : TextEditorBase
{
    public override string Alias => "Umbraco.TextArea";

    // Not in the schema README; a bound keeps one bad import from storing megabytes in a summary field.
    protected override int DefaultMaxChars => 100_000;

    protected override string[] ConfigKeys => ["maxChars", "rows"];

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(System.Text.Json.JsonElement config, SchemaValidationContext context) =>
        base.ValidateConfiguration(config, context).Concat(EditorConfig.NonNegativeInteger(config, "rows"));
}
