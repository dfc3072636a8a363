using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary><c>Umbraco.CheckBoxList</c>: an array of values chosen from <c>items</c> or a taxonomy.</summary>
internal sealed class CheckBoxListEditor : PropertyEditorBase
{
    public override string Alias => "Umbraco.CheckBoxList";

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, "items", "taxonomy")
            .Concat(ChoiceList.ValidateConfiguration(config, context, Alias, required: true));

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context) =>
        EditorInput.IsEmpty(value)
            ? PropertyValueResult.Empty
            : ChoiceValues.NormalizeMany(value, ChoiceList.From(property.Config, context.Schema), maxItems: null);

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        stored.WriteTo(writer);

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) =>
        ChoiceValues.IndexText(stored, property.Config, schema);
}
