using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Extensions.Structures;

/// <summary>
/// <c>Pole.Siret</c>: a SIRET checked by <see cref="SiretValidator"/>, stored as 14 digits, delivered as a
/// string (like a text box, so Umbraco front ends read it unchanged).
/// </summary>
internal sealed class SiretPropertyEditor : IPropertyEditor
{
    public string Alias => "Pole.Siret";

    public bool ResolvesAtRequestTime => false;

    public IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) => [];

    public PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (value is null)
        {
            return PropertyValueResult.Empty;
        }
        string text;
        if (value is JsonValue jsonValue && jsonValue.TryGetValue<string>(out var s))
        {
            text = s;
        }
        else if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
        {
            text = number.ToJsonString();
        }
        else
        {
            return PropertyValueResult.Fail($"A SIRET is a string of 14 digits, not {value.GetValueKind().ToString().ToLowerInvariant()}.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return PropertyValueResult.Empty;
        }
        var digits = SiretValidator.Normalize(text, out var error);
        return digits is null ? PropertyValueResult.Fail(error!) : PropertyValueResult.Ok(JsonValue.Create(digits));
    }

    public void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) => writer.WriteStringValue(stored.GetString());

    public void WriteResolved(Utf8JsonWriter writer, JsonElement published, PropertyType property, IDeliveryReferenceWriter references) => published.WriteTo(writer);

    public string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) => stored.GetString();
}
