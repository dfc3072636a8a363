using System.Text.Json;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Schema;

/// <summary>
/// Loads and validates <c>content-schema/</c> (see its README). Every problem is collected with its file,
/// JSON path and line, so one start-up lists every fix to make instead of one per restart.
/// </summary>
/// <remarks>
/// Order matters: files are parsed first into raw types, then the alias sets are known and the
/// cross-file rules (duplicates, compositions, allowed children, editor configs) are checked, and only
/// then are compositions flattened into each type's properties.
/// </remarks>
public sealed partial class ContentSchemaLoader
{
    private static readonly string[] DefaultCultures = ["fr-FR", "en-US"];

    private readonly string _directory;
    private readonly PropertyEditorCollection _editors;
    // Lines are resolved at the end, from the file's path map, except for syntax errors that know theirs.
    private readonly List<(SchemaFile? File, SchemaProblem Problem)> _problems = [];
    private readonly List<SchemaFile> _files = [];

    private ContentSchemaLoader(string directory, PropertyEditorCollection editors)
    {
        _directory = directory;
        _editors = editors;
    }

    public static SchemaLoadResult Load(string schemaDirectory, PropertyEditorCollection editors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaDirectory);
        ArgumentNullException.ThrowIfNull(editors);
        var loader = new ContentSchemaLoader(schemaDirectory, editors);
        try
        {
            return loader.Run();
        }
        finally
        {
            foreach (var file in loader._files)
            {
                file.Dispose();
            }
        }
    }

    private SchemaLoadResult Run()
    {
        if (!Directory.Exists(_directory))
        {
            return new SchemaLoadResult { Problems = [new SchemaProblem(_directory, "$", "The content-schema folder does not exist.")] };
        }
        var cultures = ReadCultures();
        var taxonomies = ReadTaxonomies();
        var documentTypes = ReadTypes("document-types", isMedia: false);
        var mediaTypes = ReadTypes("media-types", isMedia: true);
        CheckDuplicateTypeAliases(documentTypes.Concat(mediaTypes));

        var context = new SchemaValidationContext
        {
            TaxonomyAliases = taxonomies.Keys.ToHashSet(StringComparer.Ordinal),
            DocumentTypeAliases = documentTypes.Where(t => !t.IsElement).Select(t => t.Alias).ToHashSet(StringComparer.Ordinal),
            ElementTypeAliases = documentTypes.Where(t => t.IsElement).Select(t => t.Alias).ToHashSet(StringComparer.Ordinal),
            MediaTypeAliases = mediaTypes.Select(t => t.Alias).ToHashSet(StringComparer.Ordinal),
        };
        foreach (var type in documentTypes.Concat(mediaTypes))
        {
            CheckEditorConfigurations(type, context);
        }
        var byAlias = documentTypes.GroupBy(t => t.Alias, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var mediaByAlias = mediaTypes.GroupBy(t => t.Alias, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        CheckReferences(documentTypes, byAlias, mediaByAlias, context);
        CheckMediaChildren(mediaTypes, mediaByAlias);
        CheckCompositionCycles(byAlias);

        var builtDocumentTypes = new Dictionary<string, DocumentType>(StringComparer.Ordinal);
        foreach (var type in byAlias.Values)
        {
            builtDocumentTypes[type.Alias] = BuildDocumentType(type, byAlias);
        }
        var builtMediaTypes = new Dictionary<string, MediaType>(StringComparer.Ordinal);
        foreach (var type in mediaByAlias.Values)
        {
            builtMediaTypes[type.Alias] = BuildMediaType(type);
        }

        var problems = _problems
            .Select(p => p.File is null ? p.Problem : p.Problem with { Line = p.File.LineOf(p.Problem.JsonPath) })
            .Distinct()
            .ToList();
        if (problems.Count > 0)
        {
            return new SchemaLoadResult { Problems = problems };
        }
        return new SchemaLoadResult
        {
            Schema = new ContentSchema
            {
                Cultures = cultures,
                DocumentTypes = builtDocumentTypes,
                MediaTypes = builtMediaTypes,
                Taxonomies = taxonomies,
            },
        };
    }

    private void Problem(SchemaFile file, string jsonPath, string message) => _problems.Add((file, new SchemaProblem(file.RelativePath, jsonPath, message)));

    /// <summary>The JSON files directly in a sub-folder, in a stable order (problems list the same way on every machine).</summary>
    private List<SchemaFile> ReadFolder(string folder)
    {
        var path = Path.Combine(_directory, folder);
        var result = new List<SchemaFile>();
        if (!Directory.Exists(path))
        {
            return result;
        }
        foreach (var fullPath in Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal))
        {
            var file = SchemaFile.Read(fullPath, folder + "/" + Path.GetFileName(fullPath), out var error);
            _files.Add(file);
            if (error is not null)
            {
                _problems.Add((null, error));
                continue;
            }
            foreach (var duplicate in file.DuplicateKeys)
            {
                Problem(file, duplicate, $"Key '{duplicate[(duplicate.LastIndexOf('.') + 1)..]}' is written twice in the same object.");
            }
            result.Add(file);
        }
        return result;
    }

    private IReadOnlyList<string> ReadCultures()
    {
        var path = Path.Combine(_directory, "settings.json");
        if (!File.Exists(path))
        {
            return DefaultCultures;
        }
        var file = SchemaFile.Read(path, "settings.json", out var error);
        _files.Add(file);
        if (error is not null)
        {
            _problems.Add((null, error));
            return DefaultCultures;
        }
        var root = file.Root!.Value;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("cultures", out var list))
        {
            return DefaultCultures;
        }
        var cultures = new List<string>();
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            Problem(file, "$.cultures", "'cultures' must be a non-empty array of culture codes, the default first (e.g. [\"fr-FR\", \"en-US\"]).");
            return DefaultCultures;
        }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var code = item.ValueKind == JsonValueKind.String ? item.GetString()! : "";
            if (!CulturePattern().IsMatch(code))
            {
                Problem(file, $"$.cultures[{index}]", $"Expected a culture code such as \"fr-FR\", got {item.GetRawText()}.");
            }
            else if (cultures.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                Problem(file, $"$.cultures[{index}]", $"Culture '{code}' is listed twice.");
            }
            else
            {
                cultures.Add(code);
            }
            index++;
        }
        return cultures.Count > 0 ? cultures : DefaultCultures;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,3}(-[A-Z][a-zA-Z]{1,3})?$")]
    private static partial System.Text.RegularExpressions.Regex CulturePattern();
}
