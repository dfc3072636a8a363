using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>Normalising and indexing lists of chosen strings (tags, checkbox lists, multiple dropdowns).</summary>
internal static class ChoiceValues
{
    private const int MaxFreeTextLength = 100;

    /// <summary>
    /// Each item matched against <paramref name="choices"/> (or kept as trimmed free text when null),
    /// duplicates removed in order, count checked against <c>maxItems</c>. All item errors are reported at once.
    /// </summary>
    public static PropertyValueResult NormalizeMany(JsonNode? value, ChoiceList? choices, long? maxItems)
    {
        var errors = new List<string>();
        var result = new List<string>();
        var index = 0;
        foreach (var item in EditorInput.AsList(value))
        {
            var text = EditorInput.AsText(item)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (!EditorInput.IsEmpty(item))
                {
                    errors.Add($"[{index}]: expected text, got {EditorInput.KindOf(item)}: {EditorInput.Describe(item)}.");
                }
            }
            else if (choices is null)
            {
                if (text.Length > MaxFreeTextLength)
                {
                    errors.Add($"[{index}]: expected at most {MaxFreeTextLength} characters, got {text.Length}: {EditorInput.Quote(text)}.");
                }
                else if (!result.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    result.Add(text);
                }
            }
            else if (choices.Find(text) is { } stored)
            {
                if (!result.Contains(stored))
                {
                    result.Add(stored);
                }
            }
            else
            {
                errors.Add($"[{index}]: {choices.UnknownValueError(text)}");
            }
            index++;
        }
        if (errors.Count > 0)
        {
            return PropertyValueResult.Fail(errors);
        }
        if (maxItems is > 0 && result.Count > maxItems)
        {
            return PropertyValueResult.Fail($"Expected at most {maxItems} items, got {result.Count}.");
        }
        return result.Count == 0 ? PropertyValueResult.Empty : PropertyValueResult.Ok(new JsonArray([.. result.Select(s => (JsonNode?)JsonValue.Create(s))]));
    }

    /// <summary>Labels of the stored values, for the full-text index (what a reader searches for).</summary>
    public static string? IndexText(JsonElement stored, JsonElement config, ContentSchema schema)
    {
        var choices = ChoiceList.From(config, schema);
        var labels = new List<string>();
        var values = stored.ValueKind == JsonValueKind.Array ? stored.EnumerateArray().ToList() : [stored];
        foreach (var item in values)
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } value)
            {
                labels.Add(choices?.LabelOf(value) ?? value);
            }
        }
        return labels.Count == 0 ? null : string.Join(", ", labels);
    }
}
