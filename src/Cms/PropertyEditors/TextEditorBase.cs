using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>Editors whose stored value is a string bounded by <c>maxChars</c>.</summary>
internal abstract class TextEditorBase : PropertyEditorBase
{
    /// <summary>The limit when the config gives none.</summary>
    protected abstract int DefaultMaxChars { get; }

    protected virtual string[] ConfigKeys => ["maxChars"];

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, ConfigKeys).Concat(EditorConfig.NonNegativeInteger(config, "maxChars"));

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        if (EditorInput.AsText(value) is not { } text)
        {
            return PropertyValueResult.Fail($"Expected text, got {EditorInput.KindOf(value)}: {EditorInput.Describe(value)}.");
        }
        // Line endings are stored as \n so a file edited on Windows and the same file edited on Linux compare equal.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var maxChars = EditorConfig.GetInteger(property.Config, "maxChars") is { } configured and > 0 ? configured : DefaultMaxChars;
        if (text.Length > maxChars)
        {
            return PropertyValueResult.Fail($"Expected at most {maxChars} characters, got {text.Length}: {EditorInput.Quote(text)}.");
        }
        return Check(text);
    }

    /// <summary>Editor-specific checks and canonical form of a non-empty string.</summary>
    protected virtual PropertyValueResult Check(string text) => PropertyValueResult.Ok(JsonValue.Create(text));

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        writer.WriteStringValue(stored.GetString());
}
