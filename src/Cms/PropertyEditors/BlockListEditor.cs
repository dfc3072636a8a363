using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.BlockList</c>: a list of element-type blocks, stored as
/// <c>{items:[{contentType, key, values:{}, settings: null|{contentType, key, values}}]}</c>.
/// Each element's values go through the element type's own editors, so a block is as strictly checked as a page.
/// </summary>
/// <remarks>
/// Published form: the Delivery API shape, with each nested property already published by its editor.
/// Nested properties whose editor resolves at request time (pickers) are listed under a <c>resolve</c>
/// member of their element with their editor alias and config, so <see cref="WriteResolved"/> can finish
/// them without the schema. The whole block list is therefore always resolved per request; the walk is cheap.
/// </remarks>
internal sealed partial class BlockListEditor : PropertyEditorBase, IPropertyEditorCollectionAware
{
    private static readonly string[] ItemKeys = ["contentType", "key", "values", "settings"];
    private static readonly string[] SettingsKeys = ["contentType", "key", "values"];

    private PropertyEditorCollection? _editors;

    public override string Alias => "Umbraco.BlockList";

    public override bool ResolvesAtRequestTime => true;

    public void Attach(PropertyEditorCollection editors) => _editors = editors;

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context)
    {
        foreach (var problem in EditorConfig.UnknownKeys(config, Alias, "blocks", "minItems", "maxItems").Concat(EditorConfig.ItemCounts(config)))
        {
            yield return problem;
        }
        if (EditorConfig.Get(config, "blocks") is not { ValueKind: JsonValueKind.Array } blocks || blocks.GetArrayLength() == 0)
        {
            yield return (".blocks", "Umbraco.BlockList needs 'blocks': a non-empty array of {\"contentElementType\", \"settingsElementType\"?}.");
            yield break;
        }
        var index = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            foreach (var problem in ValidateBlock(block, $".blocks[{index}]", context))
            {
                yield return problem;
            }
            index++;
        }
    }

    private static IEnumerable<(string, string)> ValidateBlock(JsonElement block, string path, SchemaValidationContext context)
    {
        if (block.ValueKind != JsonValueKind.Object)
        {
            yield return (path, "Each block must be an object {\"contentElementType\", \"settingsElementType\"?}.");
            yield break;
        }
        foreach (var (relative, message) in EditorConfig.UnknownKeys(block, "a block", "contentElementType", "settingsElementType"))
        {
            yield return (path + relative, message);
        }
        foreach (var (name, required) in new[] { ("contentElementType", true), ("settingsElementType", false) })
        {
            var alias = EditorConfig.Get(block, name);
            if (alias is null)
            {
                if (required)
                {
                    yield return (path, "A block needs a 'contentElementType'.");
                }
                continue;
            }
            var text = alias.Value.ValueKind == JsonValueKind.String ? alias.Value.GetString()! : alias.Value.GetRawText();
            if (context.ElementTypeAliases.Contains(text))
            {
                continue;
            }
            var known = string.Join(", ", context.ElementTypeAliases.Order(StringComparer.Ordinal));
            yield return ($"{path}.{name}", context.DocumentTypeAliases.Contains(text)
                ? $"'{text}' is a document type, not an element type (set \"isElement\": true in its file to use it in blocks)."
                : $"Unknown element type '{EditorInput.Truncate(text)}' (known element types: {(known.Length == 0 ? "none" : known)}).");
        }
    }

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema)
    {
        var texts = new List<string>();
        foreach (var item in Items(stored))
        {
            foreach (var element in new[] { item, item.TryGetProperty("settings", out var s) ? s : default })
            {
                if (element.ValueKind != JsonValueKind.Object
                    || !element.TryGetProperty("contentType", out var typeAlias)
                    || schema.GetDocumentType(typeAlias.GetString() ?? "") is not { } type
                    || !element.TryGetProperty("values", out var values)
                    || values.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                foreach (var nested in type.Properties)
                {
                    if (values.TryGetProperty(nested.Alias, out var value) && nested.Editor.GetIndexText(value, nested, schema) is { Length: > 0 } text)
                    {
                        texts.Add(text);
                    }
                }
            }
        }
        return texts.Count == 0 ? null : string.Join("\n", texts);
    }

    private static IEnumerable<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
            : [];
}
