using System.Text.Json;

namespace PoleKnowledge.Generator;

/// <summary>One property of a document type, as read from content-schema/document-types/*.json.</summary>
internal sealed record PropertySpec(string Alias, string Editor, bool Required, JsonElement Config)
{
    public int? Int(string name) => Config.ValueKind == JsonValueKind.Object && Config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    public string? Text(string name) => Config.ValueKind == JsonValueKind.Object && Config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool Flag(string name) => Config.ValueKind == JsonValueKind.Object && Config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public IReadOnlyList<string> Strings(string name) => Config.ValueKind == JsonValueKind.Object && Config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
        ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
        : [];

    /// <summary>The label of a value of an <c>items</c> list, or null when the property has no such item.</summary>
    public string? ItemLabel(string value) => Config.ValueKind == JsonValueKind.Object && Config.TryGetProperty("items", out var v) && v.ValueKind == JsonValueKind.Array
        ? v.EnumerateArray().Where(e => e.GetProperty("value").GetString() == value).Select(e => e.TryGetProperty("label", out var l) ? l.GetString() : null).FirstOrDefault()
        : null;

    /// <summary>The values of an <c>items</c> list (<c>[{value,label}]</c>).</summary>
    public IReadOnlyList<string> ItemValues() => Config.ValueKind == JsonValueKind.Object && Config.TryGetProperty("items", out var v) && v.ValueKind == JsonValueKind.Array
        ? [.. v.EnumerateArray().Select(e => e.GetProperty("value").GetString()!)]
        : [];

    /// <summary>The element types a block list accepts.</summary>
    public IReadOnlyList<string> BlockTypes() => Config.ValueKind == JsonValueKind.Object && Config.TryGetProperty("blocks", out var v) && v.ValueKind == JsonValueKind.Array
        ? [.. v.EnumerateArray().Select(e => e.GetProperty("contentElementType").GetString()!)]
        : [];
}

internal sealed record TypeSpec(string Alias, string Name, IReadOnlyList<PropertySpec> Properties)
{
    public PropertySpec? Get(string alias) => Properties.FirstOrDefault(p => p.Alias == alias);
}

/// <summary>The parts of content-schema/ the generator needs: types (with compositions mixed in) and taxonomy terms.</summary>
internal sealed class Schema
{
    public required IReadOnlyDictionary<string, TypeSpec> Types { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Taxonomies { get; init; }

    /// <summary>Label of each term by taxonomy and term alias (the search indexes labels, not aliases).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> TermLabels { get; init; }

    public static Schema Load(string folder)
    {
        var raw = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "document-types"), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement.Clone();
            raw[root.GetProperty("alias").GetString()!] = root;
        }
        var types = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
        foreach (var alias in raw.Keys)
        {
            var name = raw[alias].TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : alias;
            types[alias] = new TypeSpec(alias, name, [.. PropertiesOf(alias, raw, [])]);
        }
        var taxonomies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "taxonomies"), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var alias = root.GetProperty("alias").GetString()!;
            taxonomies[alias] = [.. root.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("alias").GetString()!)];
            labels[alias] = root.GetProperty("terms").EnumerateArray().ToDictionary(
                t => t.GetProperty("alias").GetString()!,
                t => t.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String ? label.GetString()! : t.GetProperty("alias").GetString()!,
                StringComparer.Ordinal);
        }
        return new Schema { Types = types, Taxonomies = taxonomies, TermLabels = labels };
    }

    private static IEnumerable<PropertySpec> PropertiesOf(string alias, Dictionary<string, JsonElement> raw, HashSet<string> visiting)
    {
        if (!raw.TryGetValue(alias, out var type) || !visiting.Add(alias))
        {
            yield break;
        }
        foreach (var group in type.GetProperty("groups").EnumerateArray())
        {
            foreach (var property in group.GetProperty("properties").EnumerateArray())
            {
                yield return new PropertySpec(
                    property.GetProperty("alias").GetString()!,
                    property.GetProperty("editor").GetString()!,
                    property.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True,
                    property.TryGetProperty("config", out var config) ? config.Clone() : default);
            }
        }
        if (type.TryGetProperty("compositions", out var compositions))
        {
            foreach (var composition in compositions.EnumerateArray())
            {
                foreach (var property in PropertiesOf(composition.GetString()!, raw, visiting))
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>content-schema/ next to the current folder or any of its parents (or of the program's folder).</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content-schema");
                if (Directory.Exists(Path.Combine(candidate, "document-types")))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
