using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary><c>Umbraco.Integer</c>: a whole number (64-bit), from a JSON number or a numeric string.</summary>
internal sealed class IntegerEditor : PropertyEditorBase
{
    public override string Alias => "Umbraco.Integer";

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, "min", "max")
            .Concat(EditorConfig.Number(config, "min"))
            .Concat(EditorConfig.Number(config, "max"))
            .Concat(NumberRange.Check(config));

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        var text = value is JsonValue v && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.String ? EditorInput.AsText(value)!.Trim() : null;
        if (text is null || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            // "12.0" from a JSON serialiser is still a whole number; "12.5" is not.
            if (text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue)
            {
                number = (long)d;
            }
            else
            {
                return PropertyValueResult.Fail($"Expected a whole number, got {EditorInput.Describe(value)}.");
            }
        }
        return NumberRange.Error(number, property.Config) is { } error
            ? PropertyValueResult.Fail(error)
            : PropertyValueResult.Ok(JsonValue.Create(number));
    }

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        stored.WriteTo(writer);

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) => null;
}
