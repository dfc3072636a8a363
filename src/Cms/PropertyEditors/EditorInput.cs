using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// Reading incoming values leniently: YAML front matter and JSON clients disagree on whether a number is
/// <c>12</c> or <c>"12"</c>, and whether a one-item list is a list. Editors accept both and store one form.
/// </summary>
internal static class EditorInput
{
    private const int MaxShownLength = 60;

    /// <summary>Null, a blank string, an empty array or an empty object: "no value".</summary>
    public static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(StringOf(v)),
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };

    /// <summary>The same rule for a stored value.</summary>
    public static bool IsEmpty(JsonElement? value) => value is not { } v || v.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetString()),
        JsonValueKind.Array => v.GetArrayLength() == 0,
        JsonValueKind.Object => !v.EnumerateObject().Any(),
        _ => false,
    };

    /// <summary>The text of a string, number or boolean value (YAML may turn <c>2024</c> into a number); null otherwise.</summary>
    public static string? AsText(JsonNode? value)
    {
        if (value is not JsonValue v)
        {
            return null;
        }
        return v.GetValueKind() switch
        {
            JsonValueKind.String => StringOf(v),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    /// <summary>
    /// The text of a string-kind value. A node built in code may wrap a Guid or DateTime rather than a
    /// string; <c>GetValue&lt;string&gt;</c> would throw on those, their JSON text does not.
    /// </summary>
    public static string StringOf(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? "";

    /// <summary>A single value where a list is expected becomes a one-item list.</summary>
    public static IReadOnlyList<JsonNode?> AsList(JsonNode? value) => value switch
    {
        JsonArray array => [.. array],
        null => [],
        _ => [value],
    };

    /// <summary>What was given, for error messages: JSON text, truncated so a pasted article does not flood the log.</summary>
    public static string Describe(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }
        return Truncate(value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    public static string Truncate(string text) =>
        text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), "…");

    /// <summary>The kind of a value in plain words ("an array", "an object").</summary>
    public static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
        _ => "a value",
    };

    /// <summary>A JSON number as a decimal, whatever CLR type backs the node.</summary>
    public static bool TryGetDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static string Quote(string text) => "'" + Truncate(text) + "'";

    public static string FormatNumber(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
