using System.Text.Json;
using System.Text.RegularExpressions;

namespace PoleKnowledge.Cms.Schema;

public sealed partial class ContentSchemaLoader
{
    private static readonly string[] DocumentTypeKeys = ["$schema", "alias", "name", "description", "icon", "isElement", "variesByCulture", "allowedAtRoot", "defaultParent", "allowedChildren", "compositions", "groups"];
    private static readonly string[] MediaTypeKeys = ["$schema", "alias", "name", "description", "icon", "allowedChildren", "fileExtensions", "groups"];
    private static readonly string[] GroupKeys = ["name", "properties"];
    private static readonly string[] PropertyKeys = ["alias", "name", "description", "editor", "required", "variesByCulture", "validation", "config"];
    private static readonly string[] ValidationKeys = ["regex", "message"];
    private static readonly string[] TaxonomyKeys = ["$schema", "alias", "name", "description", "terms"];
    private static readonly string[] TermKeys = ["alias", "label", "labelEn", "description", "code"];

    private List<RawType> ReadTypes(string folder, bool isMedia)
    {
        var result = new List<RawType>();
        foreach (var file in ReadFolder(folder))
        {
            var root = file.Root!.Value;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem(file, "$", $"Expected a {(isMedia ? "media" : "document")} type object, got {Kind(root)}.");
                continue;
            }
            CheckKeys(file, root, "$", isMedia ? MediaTypeKeys : DocumentTypeKeys, isMedia ? "media type" : "document type");
            var alias = ReadAlias(file, root, "$", AliasPattern(), "camelCase, e.g. \"resource\"");
            if (alias is null)
            {
                continue;
            }
            if (alias != file.BaseName)
            {
                Problem(file, "$.alias", $"Alias '{alias}' does not match the file name '{file.BaseName}.json' (the file name is the alias).");
            }
            var type = new RawType
            {
                File = file,
                Alias = alias,
                IsMedia = isMedia,
                Name = ReadString(file, root, "$", "name", required: true) ?? alias,
                Description = ReadString(file, root, "$", "description", required: false),
                Icon = ReadString(file, root, "$", "icon", required: false),
                IsElement = ReadBool(file, root, "$", "isElement"),
                VariesByCulture = ReadBool(file, root, "$", "variesByCulture"),
                AllowedAtRoot = ReadBool(file, root, "$", "allowedAtRoot"),
                DefaultParent = ReadString(file, root, "$", "defaultParent", required: false),
            };
            if (type.DefaultParent is { } defaultParent && !defaultParent.StartsWith('/'))
            {
                Problem(file, "$.defaultParent", $"'defaultParent' is a route starting with '/' (for example '/ressources'), got '{defaultParent}'.");
            }
            type.AllowedChildren.AddRange(ReadStrings(file, root, "$", "allowedChildren"));
            type.Compositions.AddRange(ReadStrings(file, root, "$", "compositions"));
            type.FileExtensions.AddRange(ReadStrings(file, root, "$", "fileExtensions").Select(e => e.Alias.TrimStart('.').ToLowerInvariant()));
            ReadGroups(type, root);
            result.Add(type);
        }
        return result;
    }

    private void ReadGroups(RawType type, JsonElement root)
    {
        if (!root.TryGetProperty("groups", out var groups))
        {
            return;
        }
        if (groups.ValueKind != JsonValueKind.Array)
        {
            Problem(type.File, "$.groups", $"'groups' must be an array of {{\"name\", \"properties\"}}, got {Kind(groups)}.");
            return;
        }
        var g = 0;
        foreach (var group in groups.EnumerateArray())
        {
            var path = $"$.groups[{g++}]";
            if (group.ValueKind != JsonValueKind.Object)
            {
                Problem(type.File, path, $"Expected a group object {{\"name\", \"properties\"}}, got {Kind(group)}.");
                continue;
            }
            CheckKeys(type.File, group, path, GroupKeys, "group");
            var name = ReadString(type.File, group, path, "name", required: true) ?? "";
            if (!group.TryGetProperty("properties", out var properties))
            {
                continue;
            }
            if (properties.ValueKind != JsonValueKind.Array)
            {
                Problem(type.File, path + ".properties", $"'properties' must be an array, got {Kind(properties)}.");
                continue;
            }
            var p = 0;
            foreach (var property in properties.EnumerateArray())
            {
                if (ReadProperty(type, property, $"{path}.properties[{p++}]", name) is { } read)
                {
                    type.Properties.Add(read);
                }
            }
        }
    }

    private RawProperty? ReadProperty(RawType type, JsonElement element, string path, string group)
    {
        var file = type.File;
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problem(file, path, $"Expected a property object, got {Kind(element)}.");
            return null;
        }
        CheckKeys(file, element, path, PropertyKeys, "property");
        var alias = ReadAlias(file, element, path, AliasPattern(), "camelCase, e.g. \"summary\"");
        var name = ReadString(file, element, path, "name", required: true);
        var editorAlias = ReadString(file, element, path, "editor", required: true);
        var editor = editorAlias is null ? null : _editors.Find(editorAlias);
        if (editorAlias is not null && editor is null)
        {
            Problem(file, path + ".editor", $"Unknown editor '{editorAlias}'. Known editors: {string.Join(", ", _editors.Aliases.Order(StringComparer.Ordinal))}.");
        }
        var (regex, message) = ReadValidation(file, element, path);
        var config = element.TryGetProperty("config", out var c) ? c : default;
        if (config.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
        {
            Problem(file, path + ".config", $"'config' must be an object, got {Kind(config)}.");
            config = default;
        }
        if (alias is null || editorAlias is null)
        {
            return null;
        }
        return new RawProperty
        {
            Owner = type,
            Path = path,
            Alias = alias,
            Name = name ?? alias,
            Description = ReadString(file, element, path, "description", required: false),
            EditorAlias = editorAlias,
            Editor = editor,
            Required = ReadBool(file, element, path, "required"),
            VariesByCulture = ReadBool(file, element, path, "variesByCulture"),
            Regex = regex,
            RegexMessage = message,
            // Cloned so the config outlives the parsed file, which is disposed when loading ends.
            Config = config.ValueKind == JsonValueKind.Object ? config.Clone() : EmptyObject.Clone(),
            Group = group,
        };
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    private (string? Regex, string? Message) ReadValidation(SchemaFile file, JsonElement property, string path)
    {
        if (!property.TryGetProperty("validation", out var validation) || validation.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }
        path += ".validation";
        if (validation.ValueKind != JsonValueKind.Object)
        {
            Problem(file, path, $"'validation' must be an object {{\"regex\", \"message\"}}, got {Kind(validation)}.");
            return (null, null);
        }
        CheckKeys(file, validation, path, ValidationKeys, "validation");
        var regex = ReadString(file, validation, path, "regex", required: false);
        if (regex is not null)
        {
            try
            {
                _ = new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException exception)
            {
                Problem(file, path + ".regex", $"Invalid regular expression {Quote(regex)}: {exception.Message}");
                regex = null;
            }
        }
        return (regex, ReadString(file, validation, path, "message", required: false));
    }

    private Dictionary<string, Taxonomy> ReadTaxonomies()
    {
        var result = new Dictionary<string, Taxonomy>(StringComparer.Ordinal);
        foreach (var file in ReadFolder("taxonomies"))
        {
            var root = file.Root!.Value;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem(file, "$", $"Expected a taxonomy object {{\"alias\", \"name\", \"terms\"}}, got {Kind(root)}.");
                continue;
            }
            CheckKeys(file, root, "$", TaxonomyKeys, "taxonomy");
            var alias = ReadAlias(file, root, "$", AliasPattern(), "camelCase, e.g. \"missions\"");
            if (alias is null)
            {
                continue;
            }
            if (alias != file.BaseName)
            {
                Problem(file, "$.alias", $"Alias '{alias}' does not match the file name '{file.BaseName}.json' (the file name is the alias).");
            }
            if (result.TryGetValue(alias, out var existing))
            {
                Problem(file, "$.alias", $"Duplicate taxonomy alias '{alias}': also defined in {existing.SourceFile}.");
                continue;
            }
            result[alias] = new Taxonomy
            {
                Alias = alias,
                Name = ReadString(file, root, "$", "name", required: true) ?? alias,
                Terms = ReadTerms(file, root),
                SourceFile = file.RelativePath,
            };
        }
        return result;
    }

    private List<TaxonomyTerm> ReadTerms(SchemaFile file, JsonElement root)
    {
        var terms = new List<TaxonomyTerm>();
        if (!root.TryGetProperty("terms", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            Problem(file, "$.terms", "A taxonomy needs 'terms': an array of {\"alias\", \"label\", \"labelEn\"?, \"description\"?, \"code\"?}.");
            return terms;
        }
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var term in list.EnumerateArray())
        {
            var path = $"$.terms[{index++}]";
            if (term.ValueKind != JsonValueKind.Object)
            {
                Problem(file, path, $"Expected a term object, got {Kind(term)}.");
                continue;
            }
            CheckKeys(file, term, path, TermKeys, "term");
            var alias = ReadAlias(file, term, path, TermAliasPattern(), "letters, digits, '-', '_' or '.', e.g. \"amelioration\"");
            var label = ReadString(file, term, path, "label", required: true);
            if (alias is null || label is null)
            {
                continue;
            }
            if (seen.TryGetValue(alias, out var firstPath))
            {
                Problem(file, path + ".alias", $"Duplicate term alias '{alias}' (first used at {firstPath}).");
                continue;
            }
            seen[alias] = path;
            var code = term.TryGetProperty("code", out var c) && c.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (c.ValueKind == JsonValueKind.String ? c.GetString() : c.GetRawText())
                : null;
            terms.Add(new TaxonomyTerm(alias, label, ReadString(file, term, path, "labelEn", required: false), ReadString(file, term, path, "description", required: false), code));
        }
        return terms;
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex TermAliasPattern();
}
