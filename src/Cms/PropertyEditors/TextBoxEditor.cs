namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary><c>Umbraco.TextBox</c>: a single line of text (leading and trailing spaces trimmed).</summary>
internal sealed class TextBoxEditor : TextEditorBase
{
    public override string Alias => "Umbraco.TextBox";

    protected override int DefaultMaxChars => 512;

    protected override PropertyValueResult Check(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains('\n', StringComparison.Ordinal))
        {
            return PropertyValueResult.Fail($"Expected a single line of text, got several lines: {EditorInput.Quote(trimmed)}.");
        }
        return base.Check(trimmed);
    }
}
