using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.Tags</c>: an array of term aliases of the configured taxonomy (typed labels are mapped to
/// aliases), or of free-text tags when no taxonomy is configured.
/// </summary>
internal sealed class TagsEditor : PropertyEditorBase
{
    public override string Alias => "Umbraco.Tags";

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context) =>
        EditorConfig.UnknownKeys(config, Alias, "taxonomy", "maxItems")
            .Concat(EditorConfig.NonNegativeInteger(config, "maxItems"))
            .Concat(ChoiceList.ValidateConfiguration(config, context, Alias, required: false));

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context) =>
        EditorInput.IsEmpty(value)
            ? PropertyValueResult.Empty
            : ChoiceValues.NormalizeMany(value, ChoiceList.From(property.Config, context.Schema), EditorConfig.GetInteger(property.Config, "maxItems"));

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        stored.WriteTo(writer);

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) =>
        ChoiceValues.IndexText(stored, property.Config, schema);
}
