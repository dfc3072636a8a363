using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Import;

/// <summary>
/// Files beside the Markdown become media (docs/import-format.md, "Attachments"):
/// <list type="bullet">
/// <item>a media picker value naming a file relative to the Markdown file (<c>files: [guide.pdf]</c>,
/// <c>cover: couverture.jpg</c>) is uploaded and the value becomes its media key;</item>
/// <item>PDF, DOCX and ODT files with the Markdown file's name (<c>guide-agenda-21.pdf</c> beside
/// <c>guide-agenda-21.md</c>) are attached to the type's first media picker of files when the front matter
/// does not set it.</item>
/// </list>
/// A media item's key comes from its path in the imported folder, so a re-import finds it instead of uploading it
/// again. Uploads go through <see cref="MediaStore"/> (type from the bytes, size cap, text extraction) into the
/// media folder "Documents importés"; an upload it refuses is that Markdown file's error.
/// </summary>
public sealed partial class ContentImporter
{
    public const string ImportFolderName = "Documents importés";
    private static readonly string[] DocumentExtensions = [".pdf", ".docx", ".odt"];
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".gif"];
    private static readonly Guid ImportFolderKey = ContentKeys.FromImportKey("media-folder:import");

    /// <summary>Finds the attachments of a write (reader thread) and puts their media keys in its values.</summary>
    private (IReadOnlyList<ImportAttachment> Attachments, string? Error) FindAttachments(string markdownPath, string root, ContentWrite write)
    {
        if (store.Schema.GetDocumentType(write.ContentType) is not { } type || write.Values is not Dictionary<string, JsonNode?> values)
        {
            return ([], null);
        }
        var attachments = new List<ImportAttachment>();
        var folder = Path.GetDirectoryName(markdownPath)!;
        var pickers = type.Properties.Where(p => p.EditorAlias == "Umbraco.MediaPicker3").ToList();
        foreach (var picker in pickers)
        {
            if (!values.TryGetValue(picker.Alias, out var value) || value is null)
            {
                continue;
            }
            var entries = value is JsonArray array ? array.ToList() : [value];
            var rewritten = new JsonArray();
            foreach (var entry in entries)
            {
                if (entry is JsonValue text && text.TryGetValue<string>(out var name) && IsAttachmentName(name))
                {
                    var path = Path.GetFullPath(Path.Combine(folder, name));
                    if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        return ([], $"'{picker.Alias}': the file '{name}' is outside the imported folder.");
                    }
                    if (!File.Exists(path))
                    {
                        return ([], $"'{picker.Alias}': the file '{name}' does not exist beside the Markdown file.");
                    }
                    var attachment = Attachment(picker, path, root);
                    attachments.Add(attachment);
                    rewritten.Add(attachment.MediaKey.ToString("D"));
                }
                else
                {
                    rewritten.Add(entry?.DeepClone());
                }
            }
            values[picker.Alias] = rewritten;
        }
        // Documents named like the Markdown file: to the first picker of files the front matter leaves empty.
        var stem = Path.GetFileNameWithoutExtension(markdownPath);
        var sameName = DocumentExtensions.Select(e => Path.Combine(folder, stem + e)).Where(File.Exists).ToList();
        if (sameName.Count > 0 && pickers.FirstOrDefault(p => AllowsFiles(p) && !values.ContainsKey(p.Alias)) is { } target)
        {
            var picked = new JsonArray();
            foreach (var path in Multiple(target) ? sameName : sameName.Take(1))
            {
                var attachment = Attachment(target, path, root);
                attachments.Add(attachment);
                picked.Add(attachment.MediaKey.ToString("D"));
            }
            values[target.Alias] = picked;
        }
        return (attachments, null);
    }

    /// <summary>Uploads the attachments not stored yet (writer side, outside any content batch: SQLite has one writer).</summary>
    private async Task<string?> StoreAttachmentsAsync(IReadOnlyList<ImportAttachment> attachments, string itemName, string actor, CancellationToken cancellationToken)
    {
        if (await media.GetAsync(ImportFolderKey, cancellationToken) is null)
        {
            var folder = await media.CreateFolderAsync(new MediaWrite { Key = ImportFolderKey, Name = ImportFolderName }, actor, cancellationToken);
            if (!folder.Succeeded)
            {
                return $"the media folder '{ImportFolderName}' cannot be created: {folder.Message ?? string.Join(" ", folder.Errors.Select(e => e.Message))}";
            }
        }
        foreach (var attachment in attachments)
        {
            if (await media.GetAsync(attachment.MediaKey, cancellationToken) is not null)
            {
                continue;
            }
            var properties = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            if (attachment.IsImage)
            {
                // Alt text is required for images; the item's name is the best description the import has.
                properties["altText"] = JsonValue.Create(itemName.Length <= 250 ? itemName : itemName[..250]);
            }
            var outcome = await media.CreateAsync(new MediaWrite
            {
                Key = attachment.MediaKey,
                ParentKey = ImportFolderKey,
                FileName = Path.GetFileName(attachment.AbsolutePath),
                Content = await File.ReadAllBytesAsync(attachment.AbsolutePath, cancellationToken),
                Properties = properties,
            }, actor, cancellationToken);
            if (!outcome.Succeeded)
            {
                return $"'{attachment.Property}': the file '{attachment.RelativePath}' was refused: {outcome.Message ?? string.Join(" ", outcome.Errors.Select(e => e.Message))}";
            }
        }
        return null;
    }

    private static ImportAttachment Attachment(PropertyType picker, string path, string root)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        var isImage = ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());
        return new ImportAttachment(picker.Alias, path, relative, ContentKeys.FromImportKey("media-file:" + relative), isImage);
    }

    private static bool IsAttachmentName(string value)
    {
        var extension = Path.GetExtension(value).ToLowerInvariant();
        return (DocumentExtensions.Contains(extension) || ImageExtensions.Contains(extension)) && !value.StartsWith("umb://", StringComparison.Ordinal);
    }

    private static bool AllowsFiles(PropertyType picker) => EditorConfig.GetStrings(picker.Config, "allowedTypes").Contains(MediaStore.FileType);

    private static bool Multiple(PropertyType picker) => EditorConfig.GetBool(picker.Config, "multiple");
}
