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
            var children = await store.GetChildrenAsync(parent, cancellationToken: cancellationToken);
            var index = 0;
            foreach (var item in children)
            {
                var defaultCulture = item.Data.Names.ContainsKey("") ? "" : store.Schema.DefaultCulture;
                var segment = UrlSegmentBuilder.Build(item.Data.Names.GetValueOrDefault(defaultCulture) ?? item.Data.Names.Values.First());
                var fileBase = $"{index++:D4}-{segment}";
                foreach (var culture in item.Data.Names.Keys.OrderBy(c => c == defaultCulture ? 0 : 1))
                {
                    var suffix = culture.Length == 0 || culture == store.Schema.DefaultCulture ? "" : "." + culture;
                    var path = Path.Combine(directory, fileBase + suffix + ".md");
                    await File.WriteAllTextAsync(path, Render(item, culture, parent is null ? null : (parentRoute.Length == 0 ? "/" : parentRoute)), Encoding.UTF8, cancellationToken);
                    written++;
                    progress?.Report(written);
                }
                var route = parent is null ? "" : parentRoute + "/" + segment;
                var childFolder = Path.Combine(directory, fileBase);
                queue.Enqueue((item.Key, route, childFolder));
                Directory.CreateDirectory(childFolder);
            }
            if (children.Count == 0 && directory != root && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        return written;
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
