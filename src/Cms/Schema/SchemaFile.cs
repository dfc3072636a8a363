using System.Text.Json;

namespace PoleKnowledge.Cms.Schema;

/// <summary>
/// One parsed schema file and the line of every JSON path in it, so a problem found on the parsed
/// document can still point an editor at a line. <see cref="JsonDocument"/> keeps no positions, hence the
/// second pass with <see cref="Utf8JsonReader"/>.
/// </summary>
internal sealed class SchemaFile : IDisposable
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly JsonDocument? _document;

    private SchemaFile(string relativePath, JsonDocument? document)
    {
        RelativePath = relativePath;
        _document = document;
    }

    /// <summary>Path relative to the schema folder with forward slashes (<c>document-types/resource.json</c>).</summary>
    public string RelativePath { get; }

    /// <summary>The name of the file without extension: the alias it must declare.</summary>
    public string BaseName => Path.GetFileNameWithoutExtension(RelativePath);

    public JsonElement? Root => _document?.RootElement;

    /// <summary>Keys written twice in one object (the later one silently wins in most JSON readers).</summary>
    public List<string> DuplicateKeys { get; } = [];

    /// <summary>Reads and parses a file; on invalid JSON <see cref="Root"/> is null and <paramref name="error"/> says why and where.</summary>
    public static SchemaFile Read(string fullPath, string relativePath, out SchemaProblem? error)
    {
        error = null;
        var bytes = File.ReadAllBytes(fullPath);
        try
        {
            var file = new SchemaFile(relativePath, JsonDocument.Parse(bytes, DocumentOptions));
            file.MapLines(bytes);
            return file;
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            var message = exception.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            error = new SchemaProblem(relativePath, "$", "Invalid JSON: " + (cut > 0 ? message[..cut] : message), line);
            return new SchemaFile(relativePath, null);
        }
    }

    /// <summary>The line of a path, or of its nearest ancestor that exists (a missing key points at its object).</summary>
    public int? LineOf(string jsonPath)
    {
        var path = jsonPath;
        while (true)
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return _lines.TryGetValue("$", out var rootLine) ? rootLine : null;
            }
            path = path[..cut];
        }
    }

    public void Dispose() => _document?.Dispose();

    private void MapLines(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new List<Frame>();
        var line = 1;
        var counted = 0;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            line += bytes.AsSpan(counted, start - counted).Count((byte)'\n');
            counted = start;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var frame = frames[^1];
                    frame.PendingPath = frame.Path + "." + reader.GetString();
                    if (!frame.Keys.Add(reader.GetString()!))
                    {
                        DuplicateKeys.Add(frame.PendingPath);
                    }
                    _lines.TryAdd(frame.PendingPath, line);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = ValuePath(frames);
                    _lines.TryAdd(path, line);
                    frames.Add(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    _lines.TryAdd(ValuePath(frames), line);
                    break;
            }
        }
    }

    private static string ValuePath(List<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return "$";
        }
        var parent = frames[^1];
        if (parent.IsArray)
        {
            return parent.Path + "[" + parent.NextIndex++ + "]";
        }
        return parent.PendingPath ?? parent.Path;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
        public string? PendingPath { get; set; }
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
