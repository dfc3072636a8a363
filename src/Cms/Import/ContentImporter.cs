using PoleKnowledge.Cms.Persistence.Store;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Import;

/// <summary>
/// Imports a folder of Markdown files with front matter (docs/import-format.md). Files are read one at a
/// time (memory stays flat), written in batches of one transaction each, every file on its own savepoint:
/// a bad file is reported and skipped, never stops the run, never changes what is stored. Re-importing the
/// same files changes nothing (items are found by <c>key</c>, unchanged values write no version).
/// Items whose parent comes later in the folder are retried after the first pass; files in a culture other
/// than the default are imported after all default-culture files, so translations find their item.
/// </summary>
public sealed partial class ContentImporter(ContentStore store, Rendering.MarkdownRenderer markdown, Media.MediaStore media)
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "contentType", "name", "key", "parent", "culture", "publish", "sortOrder", "urlSegment" };
    public const int DefaultBatchSize = 500;
    /// <summary>The largest file read; bigger files are refused before parsing (a body is further limited by the store).</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    public async Task<ImportReport> ImportAsync(string folder, string actor, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var report = new ImportReport();
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            report.Errors.Add(new ImportError(folder, "The folder does not exist."));
            return report;
        }
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        report.Files = files.Count;
        var seen = new Dictionary<(string Key, string Culture), string>();
        var later = new List<string>();
        var deferred = new List<(string File, ContentWrite Write)>();
        var done = 0;

        async Task RunAsync(IReadOnlyList<string> paths, bool defaultCulturePass)
        {
            // Two cores: a reader thread parses files (and renders their Markdown ahead) while this one writes.
            var channel = System.Threading.Channels.Channel.CreateBounded<(string File, string Relative, ContentWrite? Write, string? Error, IReadOnlyList<ImportAttachment> Attachments)>(
                new System.Threading.Channels.BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
            var reader = Task.Run(async () =>
            {
                try
                {
                    foreach (var file in paths)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var relative = Path.GetRelativePath(root, file);
                        var (write, error) = Read(file, relative, seen);
                        IReadOnlyList<ImportAttachment> attachments = [];
                        if (write is not null)
                        {
                            (attachments, var attachmentError) = FindAttachments(file, root, write);
                            if (attachmentError is not null)
                            {
                                (write, error) = (null, attachmentError);
                            }
                        }
                        if (write?.Values.GetValueOrDefault("body") is System.Text.Json.Nodes.JsonValue body && body.TryGetValue<string>(out var text)
                            && (!defaultCulturePass || write.Culture is null || string.Equals(write.Culture, store.Schema.DefaultCulture, StringComparison.OrdinalIgnoreCase)))
                        {
                            markdown.RenderAhead(text);
                        }
                        await channel.Writer.WriteAsync((file, relative, write, error, attachments), cancellationToken);
                    }
                }
                finally
                {
                    channel.Writer.Complete();
                }
            }, cancellationToken);

            ContentWriteBatch? batch = null;
            try
            {
                await foreach (var (file, relative, write, error, attachments) in channel.Reader.ReadAllAsync(cancellationToken))
                {
                    if (write is null)
                    {
                        report.Errors.Add(new ImportError(relative, error ?? "cannot be imported."));
                        progress?.Report(new ImportProgress(++done, files.Count, relative));
                        continue;
                    }
                    if (defaultCulturePass && write.Culture is { } culture && !string.Equals(culture, store.Schema.DefaultCulture, StringComparison.OrdinalIgnoreCase))
                    {
                        later.Add(file);
                        continue;
                    }
                    if (attachments.Count > 0)
                    {
                        // Media are written in their own transactions: close the batch first (one writer at a time).
                        if (batch is not null)
                        {
                            await batch.CommitAsync(cancellationToken);
                            await batch.DisposeAsync();
                            batch = null;
                        }
                        if (await StoreAttachmentsAsync(attachments, write.Name, actor, cancellationToken) is { } attachmentError)
                        {
                            report.Errors.Add(new ImportError(relative, attachmentError));
                            progress?.Report(new ImportProgress(++done, files.Count, relative));
                            continue;
                        }
                    }
                    batch ??= await store.BeginBatchAsync(actor, lightweight: true, cancellationToken);
                    var outcome = await batch.SaveAsync(write, cancellationToken);
                    if (!outcome.Succeeded && outcome.Errors.Any(e => e.Field == "parent"))
                    {
                        deferred.Add((relative, write));
                        continue;
                    }
                    Record(report, relative, outcome);
                    progress?.Report(new ImportProgress(++done, files.Count, relative));
                    if (batch.Count >= DefaultBatchSize)
                    {
                        await batch.CommitAsync(cancellationToken);
                        await batch.DisposeAsync();
                        batch = null;
                    }
                }
                if (batch is not null)
                {
                    await batch.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (batch is not null)
                {
                    await batch.DisposeAsync();
                }
                await reader;
                markdown.ForgetRenderedAhead();
            }
        }

        await RunAsync(files, defaultCulturePass: true);
        await RetryDeferredAsync(deferred, report, actor, progress, () => ++done, files.Count, cancellationToken);
        await RunAsync(later, defaultCulturePass: false);
        await RetryDeferredAsync(deferred, report, actor, progress, () => ++done, files.Count, cancellationToken);
        report.Elapsed = watch.Elapsed;
        return report;
    }

    /// <summary>Retries writes whose parent was not there yet, while each round makes progress.</summary>
    private async Task RetryDeferredAsync(List<(string File, ContentWrite Write)> deferred, ImportReport report, string actor, IProgress<ImportProgress>? progress, Func<int> next, int total, CancellationToken cancellationToken)
    {
        while (deferred.Count > 0)
        {
            var round = deferred.ToList();
            deferred.Clear();
            var progressed = false;
            var last = new List<(string, ContentWrite, ContentOutcome)>();
            await using (var batch = await store.BeginBatchAsync(actor, lightweight: true, cancellationToken))
            {
                foreach (var (file, write) in round)
                {
                    var outcome = await batch.SaveAsync(write, cancellationToken);
                    if (!outcome.Succeeded && outcome.Errors.Any(e => e.Field == "parent"))
                    {
                        deferred.Add((file, write));
                        last.Add((file, write, outcome));
                        continue;
                    }
                    progressed = true;
                    Record(report, file, outcome);
                    progress?.Report(new ImportProgress(next(), total, file));
                }
                await batch.CommitAsync(cancellationToken);
            }
            if (!progressed)
            {
                foreach (var (file, _, outcome) in last)
                {
                    Record(report, file, outcome);
                    progress?.Report(new ImportProgress(next(), total, file));
                }
                deferred.Clear();
            }
        }
    }

    private static void Record(ImportReport report, string file, ContentOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            if (outcome.Unchanged)
            {
                report.Unchanged++;
            }
            else if (outcome.Status == ContentStatus.Created)
            {
                report.Created++;
            }
            else
            {
                report.Updated++;
            }
            return;
        }
        var details = outcome.Errors.Count > 0 ? string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")) : outcome.Message ?? outcome.Status.ToString();
        report.Errors.Add(new ImportError(file, details));
    }

    /// <summary>Reads one file into a write, or records why it cannot be imported.</summary>
    private (ContentWrite? Write, string? Error) Read(string path, string relative, Dictionary<(string, string), string> seen)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                return (null, $"The file is {info.Length / 1024.0 / 1024.0:0.0} MB; files over {MaxFileBytes / 1024 / 1024} MB are not imported.");
            }
            var document = FrontMatterDocument.Parse(File.ReadAllText(path));
            return ToWrite(document, relative, seen);
        }
        catch (FormatException exception)
        {
            return (null, exception.Message);
        }
        catch (IOException exception)
        {
            return (null, $"cannot read the file: {exception.Message}");
        }
    }

    private (ContentWrite? Write, string? Error) ToWrite(FrontMatterDocument document, string relative, Dictionary<(string, string), string> seen)
    {
        var errors = new List<string>();
        string? Text(string key)
        {
            if (!document.Fields.TryGetValue(key, out var node) || node is null)
            {
                return null;
            }
            if (node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                return text;
            }
            if (node is JsonValue)
            {
                return node.ToJsonString();
            }
            errors.Add($"line {document.Lines[key]}: '{key}' must be a single value, not a list or mapping.");
            return null;
        }
        var contentType = Text("contentType");
        var name = Text("name");
        var key = Text("key");
        var parent = Text("parent");
        var culture = Text("culture");
        var urlSegment = Text("urlSegment");
        if (string.IsNullOrWhiteSpace(contentType))
        {
            errors.Add("'contentType' is required (a document type alias such as 'resource').");
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("'name' is required.");
        }
        var publish = true;
        if (document.Fields.TryGetValue("publish", out var publishNode) && publishNode is not null)
        {
            if (publishNode is JsonValue p && p.TryGetValue<bool>(out var flag))
            {
                publish = flag;
            }
            else
            {
                errors.Add($"line {document.Lines["publish"]}: 'publish' must be true or false, not {publishNode.ToJsonString()}.");
            }
        }
        int? sortOrder = null;
        if (document.Fields.TryGetValue("sortOrder", out var sortNode) && sortNode is not null)
        {
            if (sortNode is JsonValue s && s.TryGetValue<long>(out var order) && order is >= 0 and <= int.MaxValue)
            {
                sortOrder = (int)order;
            }
            else
            {
                errors.Add($"line {document.Lines["sortOrder"]}: 'sortOrder' must be a whole number ≥ 0, not {sortNode.ToJsonString()}.");
            }
        }
        var type = contentType is null ? null : store.Schema.GetDocumentType(contentType);
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (field, value) in document.Fields)
        {
            if (Reserved.Contains(field))
            {
                continue;
            }
            if (type is not null && type.GetProperty(field) is null)
            {
                errors.Add($"line {document.Lines[field]}: unknown key '{field}': it is neither a reserved key ({string.Join(", ", Reserved)}) nor a property of '{type.Alias}' ({string.Join(", ", type.Properties.Select(p => p.Alias))}).");
                continue;
            }
            values[field] = value?.DeepClone();
        }
        if (!string.IsNullOrWhiteSpace(document.Body))
        {
            if (type is not null && type.GetProperty("body") is null)
            {
                errors.Add($"the file has a Markdown body but '{type.Alias}' has no 'body' property.");
            }
            else if (values.ContainsKey("body"))
            {
                errors.Add("'body' is given both as a front-matter key and as the Markdown body.");
            }
            else
            {
                values["body"] = JsonValue.Create(document.Body);
            }
        }
        if (!string.IsNullOrWhiteSpace(key))
        {
            var cultureKey = culture ?? store.Schema.DefaultCulture;
            if (seen.TryGetValue((key, cultureKey), out var other) && other != relative)
            {
                errors.Add($"duplicate key '{key}' in {cultureKey}: also used by {other}.");
            }
            else
            {
                seen[(key, cultureKey)] = relative;
            }
        }
        if (errors.Count > 0)
        {
            return (null, string.Join(" ", errors));
        }
        return (new ContentWrite
        {
            // A GUID key is the item's key itself (exports of items created without an import key).
            ContentType = contentType!, Name = name!,
            Key = Guid.TryParse(key, out var guid) ? guid : null,
            ImportKey = string.IsNullOrWhiteSpace(key) || Guid.TryParse(key, out _) ? null : key,
            ParentRoute = parent, Culture = culture, UrlSegment = urlSegment, Values = values, SortOrder = sortOrder, Publish = publish,
        }, null);
    }
}
