using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>
/// Turns a document type into form fields and a posted form back into property values. The property
/// editors stay the only judges of a value: this class converts form text to the JSON they accept and
/// never validates on its own, except JSON syntax for the editors edited as JSON (block lists, links).
/// </summary>
public sealed class ContentFormBinder(ContentStore content, MediaStore media, EditorClock clock)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FieldKind KindOf(PropertyType property) => property.EditorAlias switch
    {
        "Umbraco.TextArea" => FieldKind.TextArea,
        "Umbraco.MarkdownEditor" => FieldKind.Markdown,
        "Umbraco.Integer" or "Umbraco.Decimal" => FieldKind.Number,
        "Umbraco.EmailAddress" => FieldKind.Email,
        "Umbraco.TrueFalse" => FieldKind.Boolean,
        "Umbraco.DateTime" => ConfigString(property, "format") == "date" ? FieldKind.Date : FieldKind.DateTime,
        "Umbraco.DropDown.Flexible" => ConfigBool(property, "multiple") ? FieldKind.Choices : FieldKind.Choice,
        "Umbraco.CheckBoxList" => FieldKind.Choices,
        "Umbraco.Tags" => ConfigString(property, "taxonomy") is null ? FieldKind.FreeTags : FieldKind.Choices,
        "Umbraco.ContentPicker" or "Umbraco.MultiNodeTreePicker" => ConfigString(property, "type") == "media" ? FieldKind.MediaPicker : FieldKind.ContentPicker,
        "Umbraco.MediaPicker3" => FieldKind.MediaPicker,
        "Umbraco.MultiUrlPicker" or "Umbraco.BlockList" => FieldKind.Json,
        _ => FieldKind.Text,
    };

    /// <summary>The values an editor sees for one culture: culture-variant properties from that culture, the others shared.</summary>
    public static JsonObject ValuesFor(DocumentType type, PoleKnowledge.Cms.Content.ContentData data, string culture)
    {
        var result = new JsonObject();
        var cultureValues = data.CultureValues.GetValueOrDefault(culture);
        foreach (var property in type.Properties)
        {
            var source = type.VariesByCulture && property.VariesByCulture ? cultureValues : data.InvariantValues;
            if (source?[property.Alias] is { } value)
            {
                result[property.Alias] = value.DeepClone();
            }
        }
        return result;
    }

    /// <summary>The fields of a type for one culture, filled from stored values or, after a failed post, from the post.</summary>
    public async Task<IReadOnlyList<PropertyField>> BuildAsync(DocumentType type, JsonObject values, string culture, IFormCollection? posted, CancellationToken cancellationToken)
    {
        var fields = new List<PropertyField>();
        foreach (var property in type.Properties)
        {
            var kind = KindOf(property);
            var field = new PropertyField
            {
                Property = property,
                Kind = kind,
                Multiple = kind switch
                {
                    FieldKind.Choices => true,
                    FieldKind.ContentPicker => property.EditorAlias == "Umbraco.MultiNodeTreePicker",
                    FieldKind.MediaPicker => property.EditorAlias == "Umbraco.MultiNodeTreePicker" || (ConfigBool(property, "multiple") && ConfigInteger(property, "maxItems") != 1),
                    _ => false,
                },
                MaxLength = (int?)ConfigInteger(property, "maxChars"),
                Rows = kind == FieldKind.Markdown ? 14 : (int?)ConfigInteger(property, "rows") ?? 4,
                Shared = type.VariesByCulture && !property.VariesByCulture,
                ReadOnly = type.VariesByCulture && !property.VariesByCulture && !string.Equals(culture, content.Schema.DefaultCulture, StringComparison.Ordinal),
            };
            field.Options = await OptionsAsync(property, kind, culture, cancellationToken);
            if (kind is FieldKind.ContentPicker or FieldKind.MediaPicker)
            {
                var allowedTypes = ConfigStrings(property, "allowedTypes");
                field.SearchUrl = BackOfficeExtensions.BasePath + (kind == FieldKind.ContentPicker ? "/api/selecteur/contenu" : "/api/selecteur/medias")
                    + (allowedTypes.Count > 0 ? "?types=" + Uri.EscapeDataString(string.Join(',', allowedTypes)) : "");
            }
            if (posted is not null && !field.ReadOnly)
            {
                field.Value = posted[field.InputName].ToString();
                field.Selected = [.. posted[field.InputName].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];
                if (kind == FieldKind.Boolean)
                {
                    field.Value = posted[field.InputName].Contains("true") ? "true" : "";
                }
            }
            else
            {
                Fill(field, values[property.Alias]);
            }
            if (kind is FieldKind.Choice or FieldKind.Choices or FieldKind.ContentPicker or FieldKind.MediaPicker)
            {
                // A stored value the list no longer offers stays visible (and kept) rather than silently dropped.
                var missing = field.Selected.Where(v => v.Length > 0 && !field.Options.Any(o => string.Equals(o.Value, v, StringComparison.OrdinalIgnoreCase))).ToList();
                if (missing.Count > 0)
                {
                    field.Options = [.. field.Options, .. await LabelMissingAsync(kind, missing, cancellationToken)];
                }
            }
            fields.Add(field);
        }
        return fields;
    }

    private void Fill(PropertyField field, JsonNode? stored)
    {
        if (stored is null)
        {
            return;
        }
        switch (field.Kind)
        {
            case FieldKind.Json:
                field.Value = stored.ToJsonString(Indented);
                break;
            case FieldKind.MediaPicker:
                field.Selected = stored is JsonArray items
                    ? [.. items.Select(i => i is JsonObject o ? o["mediaKey"]?.ToString() : i?.ToString()).Where(s => s is not null).Select(s => s!)]
                    : [stored.ToString()];
                break;
            case FieldKind.Choices or FieldKind.ContentPicker or FieldKind.Choice:
                field.Selected = stored is JsonArray list ? [.. list.Select(i => i?.ToString() ?? "")] : [stored.ToString()];
                field.Value = (field.Selected.Count > 0 ? field.Selected[0] : "");
                break;
            case FieldKind.FreeTags:
                field.Value = stored is JsonArray tags ? string.Join(", ", tags.Select(t => t?.ToString())) : stored.ToString();
                break;
            case FieldKind.Boolean:
                field.Value = stored.GetValueKind() == JsonValueKind.True ? "true" : "";
                break;
            case FieldKind.DateTime:
                field.Value = DateTime.TryParse(stored.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) ? clock.ToInput(utc) : stored.ToString();
                break;
            case FieldKind.Number:
                field.Value = stored is JsonValue number ? number.ToJsonString().Trim('"') : stored.ToString();
                break;
            default:
                field.Value = stored is JsonValue v && v.TryGetValue<string>(out var s) ? s : stored.ToJsonString();
                break;
        }
    }

    /// <summary>Reads the posted values of every property of the type. Errors here are JSON syntax only.</summary>
    public Dictionary<string, JsonNode?> Read(DocumentType type, IFormCollection form, JsonObject current, string culture, List<(string Field, string Message)> errors)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var secondCulture = type.VariesByCulture && !string.Equals(culture, content.Schema.DefaultCulture, StringComparison.Ordinal);
        foreach (var property in type.Properties)
        {
            if (secondCulture && !property.VariesByCulture)
            {
                continue;
            }
            var name = "v." + property.Alias;
            var kind = KindOf(property);
            var raw = form[name];
            var text = raw.ToString().Trim();
            switch (kind)
            {
                case FieldKind.Boolean:
                    values[property.Alias] = JsonValue.Create(raw.Contains("true"));
                    break;
                case FieldKind.Choices:
                    values[property.Alias] = new JsonArray([.. InStoredOrder(raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!), current[property.Alias]).Select(v => (JsonNode?)JsonValue.Create(v))]);
                    break;
                case FieldKind.ContentPicker when property.EditorAlias == "Umbraco.MultiNodeTreePicker":
                    values[property.Alias] = new JsonArray([.. InStoredOrder(raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!), current[property.Alias]).Select(v => (JsonNode?)JsonValue.Create(v))]);
                    break;
                case FieldKind.FreeTags:
                    values[property.Alias] = new JsonArray([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (JsonNode?)JsonValue.Create(v))]);
                    break;
                case FieldKind.MediaPicker:
                    var storedKeys = current[property.Alias] is JsonArray picked ? new JsonArray([.. picked.Select(i => (JsonNode?)JsonValue.Create(i is JsonObject o ? o["mediaKey"]?.ToString() : i?.ToString()))]) : null;
                    values[property.Alias] = ReadMedia(property, InStoredOrder(raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!), storedKeys).ToList(), current[property.Alias]);
                    break;
                case FieldKind.DateTime:
                    values[property.Alias] = text.Length == 0 ? null
                        : clock.ParseLocal(text) is { } utc ? JsonValue.Create(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) : JsonValue.Create(text);
                    break;
                case FieldKind.Number:
                    // A French decimal comma is what editors type; the editor wants the invariant form.
                    values[property.Alias] = text.Length == 0 ? null : JsonValue.Create(text.Replace(',', '.'));
                    break;
                case FieldKind.Json:
                    if (text.Length == 0)
                    {
                        values[property.Alias] = null;
                        break;
                    }
                    try
                    {
                        values[property.Alias] = JsonNode.Parse(text);
                    }
                    catch (JsonException exception)
                    {
                        errors.Add((property.Alias, $"JSON invalide (ligne {exception.LineNumber + 1}) : vérifiez les guillemets, virgules et accolades."));
                    }
                    break;
                default:
                    // Text keeps its inner spacing (Markdown cares); only an all-blank value is empty.
                    var value = raw.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
                    values[property.Alias] = string.IsNullOrWhiteSpace(value) ? null : JsonValue.Create(value);
                    break;
            }
        }
        return values;
    }

    /// <summary>Checkboxes post in list order; keep the order the values were stored in, new ones after, so an unchanged form saves nothing.</summary>
    private static IEnumerable<string> InStoredOrder(IEnumerable<string> posted, JsonNode? stored)
    {
        var postedList = posted.ToList();
        var storedList = (stored as JsonArray)?.Select(v => v?.ToString() ?? "").ToList() ?? [];
        return storedList.Where(postedList.Contains).Concat(postedList.Where(v => !storedList.Contains(v)));
    }

    private static JsonNode? ReadMedia(PropertyType property, List<string> keys, JsonNode? current)
    {
        if (property.EditorAlias == "Umbraco.MultiNodeTreePicker")
        {
            return new JsonArray([.. keys.Select(k => (JsonNode?)JsonValue.Create(k))]);
        }
        if (keys.Count == 0)
        {
            return null;
        }
        // Items already picked keep their own key, focal point and crops; new ones are bare media references.
        var existing = (current as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        return new JsonArray([.. keys.Select(k => existing.FirstOrDefault(e => string.Equals(e["mediaKey"]?.ToString(), k, StringComparison.OrdinalIgnoreCase))?.DeepClone() ?? JsonValue.Create(k))]);
    }

    private async Task<IReadOnlyList<FieldOption>> OptionsAsync(PropertyType property, FieldKind kind, string culture, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FieldKind.Choice or FieldKind.Choices:
                if (ConfigString(property, "taxonomy") is { } alias)
                {
                    return content.Schema.GetTaxonomy(alias)?.Terms.Select(t => new FieldOption(t.Alias, t.LabelFor(culture))).ToList() ?? [];
                }
                var items = new List<FieldOption>();
                if (property.Config.ValueKind == JsonValueKind.Object && property.Config.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            items.Add(new FieldOption(item.GetString()!, item.GetString()!));
                        }
                        else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value", out var value))
                        {
                            items.Add(new FieldOption(value.ToString(), item.TryGetProperty("label", out var label) ? label.ToString() : value.ToString()));
                        }
                    }
                }
                return items;
            case FieldKind.ContentPicker:
                var types = ConfigStrings(property, "allowedTypes");
                var candidates = await content.FindForPickerAsync(types, null, 300, cancellationToken);
                return candidates.Select(c => new FieldOption(c.Key.ToString("D"), $"{c.Name} ({content.Schema.GetDocumentType(c.ContentType)?.Name ?? c.ContentType})")).ToList();
            case FieldKind.MediaPicker:
                var allowed = ConfigStrings(property, "allowedTypes");
                var all = new List<FieldOption>();
                await CollectMediaAsync(null, allowed, all, 0, cancellationToken);
                return all;
            default:
                return [];
        }
    }

    /// <summary>
    /// Selected items beyond the listed candidates (picked through the site-wide search): shown with their names
    /// so a save keeps them; a key that names nothing stays as it is.
    /// </summary>
    private async Task<IEnumerable<FieldOption>> LabelMissingAsync(FieldKind kind, List<string> missing, CancellationToken cancellationToken)
    {
        var keys = missing.Select(v => Guid.TryParse(v, out var key) ? key : Guid.Empty).Where(k => k != Guid.Empty).ToList();
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (kind == FieldKind.ContentPicker)
        {
            foreach (var item in await content.GetPickerCandidatesAsync(keys, cancellationToken))
            {
                labels[item.Key.ToString("D")] = $"{item.Name} ({content.Schema.GetDocumentType(item.Type)?.Name ?? item.Type})";
            }
        }
        else if (kind == FieldKind.MediaPicker)
        {
            foreach (var key in keys.Take(50))
            {
                if (await media.GetAsync(key, cancellationToken) is { } item)
                {
                    labels[key.ToString("D")] = $"{item.Name} ({item.Extension})";
                }
            }
        }
        return missing.Select(v => new FieldOption(v, labels.GetValueOrDefault(v, v)));
    }

    private async Task CollectMediaAsync(Guid? parent, IReadOnlyList<string> allowed, List<FieldOption> into, int depth, CancellationToken cancellationToken)
    {
        if (depth > 8 || into.Count >= 500)
        {
            return;
        }
        foreach (var item in await media.GetChildrenAsync(parent, cancellationToken))
        {
            if (item.IsFolder)
            {
                await CollectMediaAsync(item.Key, allowed, into, depth + 1, cancellationToken);
            }
            else if (allowed.Count == 0 || allowed.Contains(item.MediaType))
            {
                into.Add(new FieldOption(item.Key.ToString("D"), $"{item.Name} ({item.Extension})"));
            }
        }
    }

    private static string? ConfigString(PropertyType property, string name) =>
        property.Config.ValueKind == JsonValueKind.Object && property.Config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool ConfigBool(PropertyType property, string name) =>
        property.Config.ValueKind == JsonValueKind.Object && property.Config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static long? ConfigInteger(PropertyType property, string name) =>
        property.Config.ValueKind == JsonValueKind.Object && property.Config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static List<string> ConfigStrings(PropertyType property, string name) =>
        property.Config.ValueKind == JsonValueKind.Object && property.Config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
