using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.Decimal</c>: a finite number, stored as a decimal so <c>0.1</c> stays <c>0.1</c>.
/// A French decimal comma (<c>"3,5"</c>) is accepted from strings because that is what editors type.
/// </summary>
internal sealed class DecimalEditor : PropertyEditorBase
{
    public override string Alias => "Umbraco.Decimal";

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, "min", "max", "step")
            .Concat(EditorConfig.Number(config, "min"))
            .Concat(EditorConfig.Number(config, "max"))
            .Concat(EditorConfig.Number(config, "step"))
            .Concat(NumberRange.Check(config));

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        if (!TryRead(value, out var number))
        {
            return PropertyValueResult.Fail($"Expected a number such as 12.5, got {EditorInput.Describe(value)}.");
        }
        if (NumberRange.Error(number, property.Config) is { } error)
        {
            return PropertyValueResult.Fail(error);
        }
        if (EditorConfig.GetDecimal(property.Config, "step") is { } step and > 0
            && (number - (EditorConfig.GetDecimal(property.Config, "min") ?? 0)) % step != 0)
        {
            return PropertyValueResult.Fail($"Expected a multiple of {EditorInput.FormatNumber(step)}, got {EditorInput.FormatNumber(number)}.");
        }
        return PropertyValueResult.Ok(JsonValue.Create(number));
    }

    private static bool TryRead(JsonNode? value, out decimal number)
    {
        number = 0;
        if (value is not JsonValue v)
        {
            return false;
        }
        switch (v.GetValueKind())
        {
            case JsonValueKind.Number:
                // Decimal parsing of the JSON text rejects what a double cannot hold exactly and
                // what overflows a decimal (1e300) instead of silently rounding.
                return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            case JsonValueKind.String:
                var text = EditorInput.StringOf(v).Trim();
                if (!text.Contains('.', StringComparison.Ordinal) && text.Count(c => c == ',') == 1)
                {
                    text = text.Replace(',', '.');
                }
                // NumberStyles.Float has no AllowThousands, so "1,234,5" and "NaN"/"Infinity" are rejected.
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                return false;
        }
    }

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        stored.WriteTo(writer);

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) => null;
}
