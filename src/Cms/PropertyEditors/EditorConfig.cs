using System.Text.Json;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// Reading and checking editor <c>config</c> objects. Reads are forgiving (a wrong type reads as absent)
/// because <see cref="IPropertyEditor.ValidateConfiguration"/> has already reported it at start-up.
/// </summary>
internal static class EditorConfig
{
    public static JsonElement? Get(JsonElement config, string name) =>
        config.ValueKind == JsonValueKind.Object && config.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static long? GetInteger(JsonElement config, string name) =>
        Get(config, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;

    public static decimal? GetDecimal(JsonElement config, string name) =>
        Get(config, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out var n) ? n : null;

    public static bool GetBool(JsonElement config, string name, bool fallback = false) =>
        Get(config, name) is { } v ? v.ValueKind == JsonValueKind.True || (v.ValueKind != JsonValueKind.False && fallback) : fallback;

    public static string? GetString(JsonElement config, string name) =>
        Get(config, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public static IReadOnlyList<string> GetStrings(JsonElement config, string name)
    {
        if (Get(config, name) is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }
        var result = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                result.Add(text);
            }
        }
        return result;
    }

    /// <summary>Reports keys the editor does not know: a typo such as <c>maxChar</c> would otherwise be silently ignored.</summary>
    public static IEnumerable<(string, string)> UnknownKeys(JsonElement config, string editorAlias, params string[] known)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            if (config.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
            {
                yield return ("", $"The config of {editorAlias} must be an object.");
            }
            yield break;
        }
        foreach (var property in config.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                var expected = known.Length == 0 ? "it takes no configuration" : "known keys: " + string.Join(", ", known);
                yield return ("." + property.Name, $"Unknown config key '{property.Name}' for {editorAlias} ({expected}).");
            }
        }
    }

    public static IEnumerable<(string, string)> NonNegativeInteger(JsonElement config, string name)
    {
        if (Get(config, name) is { } v && !(v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 0))
        {
            yield return ("." + name, $"'{name}' must be a non-negative integer, got {EditorInput.Truncate(v.GetRawText())}.");
        }
    }

    public static IEnumerable<(string, string)> Number(JsonElement config, string name)
    {
        if (Get(config, name) is { } v && !(v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out _)))
        {
            yield return ("." + name, $"'{name}' must be a number, got {EditorInput.Truncate(v.GetRawText())}.");
        }
    }

    public static IEnumerable<(string, string)> Boolean(JsonElement config, string name)
    {
        if (Get(config, name) is { } v && v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            yield return ("." + name, $"'{name}' must be true or false, got {EditorInput.Truncate(v.GetRawText())}.");
        }
    }

    /// <summary>Checks <c>minItems</c> ≤ <c>maxItems</c>, both non-negative integers.</summary>
    public static IEnumerable<(string, string)> ItemCounts(JsonElement config)
    {
        foreach (var problem in NonNegativeInteger(config, "minItems").Concat(NonNegativeInteger(config, "maxItems")))
        {
            yield return problem;
        }
        if (GetInteger(config, "minItems") is { } min && GetInteger(config, "maxItems") is { } max && max > 0 && min > max)
        {
            yield return (".minItems", $"'minItems' ({min}) is greater than 'maxItems' ({max}).");
        }
    }

    /// <summary>Checks a list of type aliases against the known ones.</summary>
    public static IEnumerable<(string, string)> KnownAliases(JsonElement config, string name, IReadOnlySet<string> known, string kind)
    {
        if (Get(config, name) is not { } v)
        {
            yield break;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            yield return ("." + name, $"'{name}' must be an array of {kind} aliases.");
            yield break;
        }
        var index = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !known.Contains(item.GetString()!))
            {
                var list = known.Count == 0 ? "none" : string.Join(", ", known.Order(StringComparer.Ordinal));
                yield return ($".{name}[{index}]", $"Unknown {kind} {EditorInput.Truncate(item.GetRawText())}. Known: {list}.");
            }
            index++;
        }
    }
}
