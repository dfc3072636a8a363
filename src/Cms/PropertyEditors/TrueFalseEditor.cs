using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary><c>Umbraco.TrueFalse</c>: a boolean; accepts the words French and English editors type in front matter.</summary>
internal sealed class TrueFalseEditor : PropertyEditorBase
{
    private static readonly string[] TrueWords = ["true", "oui", "yes", "vrai", "1", "on"];
    private static readonly string[] FalseWords = ["false", "non", "no", "faux", "0", "off"];

    public override string Alias => "Umbraco.TrueFalse";

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, "default").Concat(EditorConfig.Boolean(config, "default"));

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        var text = EditorInput.AsText(value)?.Trim().ToLowerInvariant();
        if (text is not null && TrueWords.Contains(text))
        {
            return PropertyValueResult.Ok(JsonValue.Create(true));
        }
        if (text is not null && FalseWords.Contains(text))
        {
            return PropertyValueResult.Ok(JsonValue.Create(false));
        }
        return PropertyValueResult.Fail($"Expected true or false (or \"oui\"/\"non\"), got {EditorInput.Describe(value)}.");
    }

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        writer.WriteBooleanValue(stored.ValueKind == JsonValueKind.True);

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) => null;
}
