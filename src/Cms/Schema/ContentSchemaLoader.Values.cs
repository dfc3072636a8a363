using System.Text.Json;
using System.Text.RegularExpressions;

namespace PoleKnowledge.Cms.Schema;

/// <summary>Reading typed members of schema objects, reporting what is wrong instead of throwing.</summary>
public sealed partial class ContentSchemaLoader
{
    /// <summary>Reports keys that are not in <paramref name="known"/>, suggesting the closest known key: a typo such as "requird" would otherwise be ignored silently.</summary>
    private void CheckKeys(SchemaFile file, JsonElement element, string path, string[] known, string kind)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (Array.IndexOf(known, member.Name) >= 0)
            {
                continue;
            }
            var closest = known.Where(k => !k.StartsWith('$')).MinBy(k => Distance(k, member.Name));
            var hint = closest is not null && Distance(closest, member.Name) <= 2 ? $" Did you mean '{closest}'?" : "";
            Problem(file, $"{path}.{member.Name}", $"Unknown key '{member.Name}' in {kind}.{hint} Known keys: {string.Join(", ", known.Where(k => !k.StartsWith('$')))}.");
        }
    }

    private string? ReadAlias(SchemaFile file, JsonElement element, string path, Regex pattern, string expected)
    {
        if (!element.TryGetProperty("alias", out var value))
        {
            Problem(file, path, $"Missing 'alias' ({expected}).");
            return null;
        }
        var alias = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (alias is null || !pattern.IsMatch(alias))
        {
            Problem(file, path + ".alias", $"Invalid alias {(alias is null ? value.GetRawText() : Quote(alias))}: expected {expected}.");
            return null;
        }
        return alias;
    }

    private string? ReadString(SchemaFile file, JsonElement element, string path, string name, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(file, path, $"Missing '{name}' (a non-empty string).");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || (required && string.IsNullOrWhiteSpace(value.GetString())))
        {
            Problem(file, $"{path}.{name}", $"'{name}' must be a{(required ? " non-empty" : "")} string, got {Kind(value)}.");
            return null;
        }
        return value.GetString();
    }

    private bool ReadBool(SchemaFile file, JsonElement element, string path, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(file, $"{path}.{name}", $"'{name}' must be true or false, got {Kind(value)}.");
            return false;
        }
        return value.GetBoolean();
    }

    private List<(string Alias, string Path)> ReadStrings(SchemaFile file, JsonElement element, string path, string name)
    {
        var result = new List<(string, string)>();
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return result;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(file, $"{path}.{name}", $"'{name}' must be an array of strings, got {Kind(value)}.");
            return result;
        }
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}.{name}[{index++}]";
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                Problem(file, itemPath, $"Expected a non-empty string, got {Kind(item)}.");
                continue;
            }
            result.Add((item.GetString()!, itemPath));
        }
        return result;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string " + Quote(value.GetString()!),
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Quote(string text) => "'" + (text.Length <= 60 ? text : text[..60] + "…") + "'";

    /// <summary>Levenshtein distance, for "did you mean" hints on short keys.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
