using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace PoleKnowledge.Generator;

/// <summary>
/// The real French documents the generated text is taken from (by default the corpus bundled with the tests,
/// tests/Site.Tests/Search/Corpus/corpus.tar.gz: the 2014 ESS law and service-public.fr sheets), loaded once and
/// grouped by folder so each item's companions stay on the same subject area.
/// </summary>
internal sealed class SourceCorpus
{
    /// <summary>Where the bundled archive lives, relative to the repository root.</summary>
    public const string BundledArchive = "tests/Site.Tests/Search/Corpus/corpus.tar.gz";

    private SourceCorpus(SourceDocument[] documents)
    {
        Documents = documents;
        Sources = [.. documents.Where(d => d.Paragraphs.Length > 0)];
        ByFolder = Sources.GroupBy(d => d.Folder, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every document, in a fixed order (sorted by path) so a seed always gives the same items.</summary>
    public SourceDocument[] Documents { get; }

    /// <summary>The documents with at least one paragraph (not a table of contents made only of a list): the items' sources.</summary>
    public SourceDocument[] Sources { get; }

    /// <summary><see cref="Sources"/> by corpus folder.</summary>
    public IReadOnlyDictionary<string, SourceDocument[]> ByFolder { get; }

    /// <summary>Loads a <c>.tar.gz</c> (or <c>.tgz</c>, <c>.tar</c>) archive or a folder of Markdown files, recursively.</summary>
    public static SourceCorpus Load(string path)
    {
        var files = new List<(string Path, string Content)>();
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories))
            {
                files.Add((Path.GetRelativePath(path, file).Replace('\\', '/'), File.ReadAllText(file, Encoding.UTF8)));
            }
        }
        else if (File.Exists(path))
        {
            using var stream = File.OpenRead(path);
            using var tar = path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? (Stream)stream : new GZipStream(stream, CompressionMode.Decompress);
            using var reader = new TarReader(tar);
            while (reader.GetNextEntry() is { } entry)
            {
                if ((entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile) && entry.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && entry.DataStream is { } data)
                {
                    using var text = new StreamReader(data, Encoding.UTF8);
                    files.Add((entry.Name.TrimStart('.', '/'), text.ReadToEnd()));
                }
            }
        }
        else
        {
            throw new FileNotFoundException($"Source text not found: {path} (expected a .tar.gz archive or a folder of Markdown files).", path);
        }

        // The folder of a document is its path without the file name and without the archive's top folder
        // ("corpus/service-public/associations/F1119.md" → "service-public/associations").
        var common = CommonTopFolder(files.Select(f => f.Path));
        var documents = files
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f =>
            {
                var relative = common is null ? f.Path : f.Path[(common.Length + 1)..];
                var slash = relative.LastIndexOf('/');
                return SourceDocument.Parse(slash < 0 ? "." : relative[..slash], f.Content);
            })
            .OfType<SourceDocument>()
            .ToArray();
        if (!documents.Any(d => d.Paragraphs.Length > 0))
        {
            throw new InvalidDataException($"No Markdown document with front matter (name:) and a body in {path}.");
        }
        return new SourceCorpus(documents);
    }

    /// <summary>The bundled archive, looked for above the current folder and above the program's folder.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, BundledArchive);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static string? CommonTopFolder(IEnumerable<string> paths)
    {
        string? top = null;
        foreach (var path in paths)
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                return null;
            }
            var first = path[..slash];
            if (top is null)
            {
                top = first;
            }
            else if (top != first)
            {
                return null;
            }
        }
        return top;
    }
}
