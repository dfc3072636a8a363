using PoleKnowledge.Cms.Persistence.Store;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Import;

/// <summary>
/// Writes every item (recycle bin excepted) in the import format, one file per item and culture, in
/// folders that mirror the tree, so <see cref="ContentImporter"/> reads them back to the same state.
/// Values are written as JSON, which is valid YAML flow syntax, so every editor's value round-trips.
/// Streams the tree one level at a time: memory does not grow with the amount of content.
/// </summary>
public sealed class ContentExporter(ContentStore store)
{
    private const int PageSize = 500;
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<int> ExportAsync(string folder, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        var written = 0;
        var queue = new Queue<(Guid? Parent, string ParentRoute, string Folder)>();
        queue.Enqueue((null, "", root));
        while (queue.Count > 0)
        {
            var (parent, parentRoute, directory) = queue.Dequeue();
            var index = 0;
            // Pages of children, never a whole 70,000-item section in memory.
            for (var skip = 0; ; skip += PageSize)
            {
                var (_, page) = await store.GetChildrenPageAsync(parent, skip, PageSize, cancellationToken: cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }
                foreach (var item in page)
                {
                    var (fileBase, segment) = await WriteItemAsync(item, directory, parent, parentRoute, index++, cancellationToken);
                    written += item.Data.Names.Count;
                    progress?.Report(written);
                    queue.Enqueue((item.Key, parent is null ? "" : parentRoute + "/" + segment, Path.Combine(directory, fileBase)));
                }
            }
        }
        return written;
    }

    /// <summary>Writes one file per culture of an item; returns the file base name (also its children's folder) and its segment.</summary>
    private async Task<(string FileBase, string Segment)> WriteItemAsync(ContentItemView item, string directory, Guid? parent, string parentRoute, int index, CancellationToken cancellationToken)
    {
        var defaultCulture = item.Data.Names.ContainsKey("") ? "" : store.Schema.DefaultCulture;
        var segment = UrlSegmentBuilder.Build(item.Data.Names.GetValueOrDefault(defaultCulture) ?? item.Data.Names.Values.First());
        var fileBase = $"{index:D6}-{segment}";
        Directory.CreateDirectory(directory);
        foreach (var culture in item.Data.Names.Keys.OrderBy(c => c == defaultCulture ? 0 : 1))
        {
            var suffix = culture.Length == 0 || culture == store.Schema.DefaultCulture ? "" : "." + culture;
            var path = Path.Combine(directory, fileBase + suffix + ".md");
            await File.WriteAllTextAsync(path, Render(item, culture, parent is null ? null : (parentRoute.Length == 0 ? "/" : parentRoute)), Encoding.UTF8, cancellationToken);
        }
        return (fileBase, segment);
    }

    private string Render(ContentItemView item, string culture, string? parentRoute)
    {
        var type = store.Schema.GetDocumentType(item.ContentType);
        var builder = new StringBuilder();
        builder.Append("---\n");
        Line(builder, "contentType", JsonValue.Create(item.ContentType));
        Line(builder, "name", JsonValue.Create(item.Data.Names[culture]));
        Line(builder, "key", JsonValue.Create(item.ImportKey ?? item.Key.ToString()));
        if (parentRoute is not null)
        {
            Line(builder, "parent", JsonValue.Create(parentRoute));
        }
        if (culture.Length > 0)
        {
            Line(builder, "culture", JsonValue.Create(culture));
        }
        // Published in that culture: the import publishes the exported (current) values.
        Line(builder, "publish", JsonValue.Create(item.Published.ContainsKey(culture)));
        Line(builder, "sortOrder", JsonValue.Create(item.SortOrder));
        if (item.Data.Segments.TryGetValue(culture, out var segment))
        {
            Line(builder, "urlSegment", JsonValue.Create(segment));
        }
        string? body = null;
        var values = new List<KeyValuePair<string, JsonNode?>>();
        var writesInvariant = culture.Length == 0 || culture == store.Schema.DefaultCulture;
        if (writesInvariant)
        {
            values.AddRange(item.Data.InvariantValues);
        }
        if (culture.Length > 0 && item.Data.CultureValues.TryGetValue(culture, out var cultureValues))
        {
            values.AddRange(cultureValues);
        }
        foreach (var (alias, value) in values)
        {
            if (alias == "body" && value is JsonValue text && text.TryGetValue<string>(out var markdown))
            {
                body = markdown;
                continue;
            }
            if (type?.GetProperty(alias) is null)
            {
                continue; // a property the schema no longer has: kept in the database, not exported
            }
            Line(builder, alias, value);
        }
        builder.Append("---\n");
        if (body is not null)
        {
            builder.Append(body);
            if (!body.EndsWith('\n'))
            {
                builder.Append('\n');
            }
        }
        return builder.ToString();
    }

    private static void Line(StringBuilder builder, string key, JsonNode? value) =>
        builder.Append(key).Append(": ").Append(value is null ? "null" : value.ToJsonString(Json)).Append('\n');
}
