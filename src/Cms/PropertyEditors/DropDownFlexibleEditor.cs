using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.DropDown.Flexible</c>: one value (a string), or several (an array) when <c>multiple</c>,
/// chosen from <c>items</c> or a taxonomy.
/// </summary>
internal sealed class DropDownFlexibleEditor : PropertyEditorBase
{
    public override string Alias => "Umbraco.DropDown.Flexible";

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, "items", "taxonomy", "multiple")
            .Concat(EditorConfig.Boolean(config, "multiple"))
            .Concat(ChoiceList.ValidateConfiguration(config, context, Alias, required: true));

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        var result = ChoiceValues.NormalizeMany(value, ChoiceList.From(property.Config, context.Schema), maxItems: null);
        if (!result.IsValid || result.Value is not JsonArray array || IsMultiple(property))
        {
            return result;
        }
        return array.Count == 1
            ? PropertyValueResult.Ok(array[0]!.DeepClone())
            : PropertyValueResult.Fail($"Expected a single value, got {array.Count}: {EditorInput.Describe(value)}.");
    }

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context)
    {
        // The stored form follows the config at write time; publish in the shape the config asks for now,
        // so switching 'multiple' on does not leave old items delivering a bare string.
        var multiple = IsMultiple(property);
        if (multiple && stored.ValueKind == JsonValueKind.String)
        {
            writer.WriteStartArray();
            stored.WriteTo(writer);
            writer.WriteEndArray();
        }
        else if (!multiple && stored.ValueKind == JsonValueKind.Array)
        {
            var first = stored.EnumerateArray().FirstOrDefault();
            if (first.ValueKind == JsonValueKind.String)
            {
                first.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
        else
        {
            stored.WriteTo(writer);
        }
    }

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) =>
        ChoiceValues.IndexText(stored, property.Config, schema);

    private static bool IsMultiple(PropertyType property) => EditorConfig.GetBool(property.Config, "multiple");
}
