using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// The write side of the media library. The file is checked (size, format from its bytes, pixel count
/// from the header, full decode), cleaned (EXIF GPS) and written under <c>&lt;DataPath&gt;/media/{key}/</c>;
/// then one transaction writes the row, an audit entry and change-feed rows. The media cache follows the feed.
/// </summary>
public sealed partial class MediaStore
{
    public const string FolderType = "folder";
    public const string ImageType = "image";
    public const string FileType = "file";

    private readonly HubDbContextFactory _contexts;
    private readonly ContentSchema _schema;
    private readonly PropertyEditorCollection _editors;
    private readonly MediaOptions _options;
    private readonly HubPaths _paths;
    private readonly TimeProvider _time;
    private readonly ChangeFeedSignal? _signal;

    public MediaStore(HubDbContextFactory contexts, ContentSchemaHolder schema, PropertyEditorCollection editors, IOptions<MediaOptions> options, HubPaths paths, TimeProvider time, ChangeFeedSignal? signal = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        _contexts = contexts;
        _schema = schema.Schema;
        _editors = editors;
        _options = options.Value;
        _paths = paths;
        _time = time;
        _signal = signal;
    }

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    /// <summary>Uploads a file as an image or file media item (the type follows the bytes).</summary>
    public async Task<MediaOutcome> CreateAsync(MediaWrite write, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Content is not { Length: > 0 } content)
        {
            return MediaOutcome.Fail(MediaStatus.Invalid, "file", "A file is required (multipart field 'file').");
        }
        if (content.Length > _options.MaxUploadBytes)
        {
            return MediaOutcome.Fail(MediaStatus.TooLarge, "file", $"The file is {content.Length / 1024.0 / 1024.0:0.#} MB; at most {_options.MaxUploadBytes / 1024.0 / 1024.0:0.#} MB is accepted.");
        }
        var checkedFile = CheckFile(content);
        if (checkedFile.Error is { } fileError)
        {
            return fileError;
        }
        var (format, stored, width, height) = (checkedFile.Format!, checkedFile.Content!, checkedFile.Width, checkedFile.Height);
        var typeAlias = format.IsImage ? ImageType : FileType;
        var type = _schema.GetMediaType(typeAlias);
        if (type is null)
        {
            return MediaOutcome.Fail(MediaStatus.Invalid, "mediaType", $"The schema has no media type '{typeAlias}'.");
        }
        var errors = new List<FieldError>();
        var properties = NormalizeProperties(type, "{}", write.Properties, errors);
        var focal = ParseFocalPoint(write, format.IsImage, errors);
        var crops = ParseCrops(write, format.IsImage, errors);
        var stem = Path.GetFileNameWithoutExtension(write.FileName ?? "");
        var name = (write.Name ?? "").Trim() is { Length: > 0 } given ? given : stem.Trim() is { Length: > 0 } fromFile ? fromFile : "media";
        CheckName(name, errors);
        if (errors.Count > 0)
        {
            return MediaOutcome.Invalid(errors);
        }

        var key = write.Key ?? Guid.NewGuid();
        var fileName = (UrlSegmentBuilder.Build(stem) is { Length: > 0 } slug ? slug : "media") + "." + format.Extension;
        var relative = $"{key:N}/{fileName}";
        var text = format.IsImage ? null : MediaTextExtractor.Extract(stored, format);
        var absolute = Path.Combine(_paths.MediaPath, key.ToString("N"), fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(absolute)!);
        await File.WriteAllBytesAsync(absolute, stored, cancellationToken);
        var committed = false;
        try
        {
            var outcome = await InTransactionAsync(async db =>
            {
                var (parent, parentError) = await LoadParentAsync(db, write.ParentKey, typeAlias, cancellationToken);
                if (parentError is not null)
                {
                    return parentError;
                }
                var now = UtcNow;
                var row = new MediaNodeEntity
                {
                    Key = key, ParentKey = parent?.Key, Name = name, MediaType = typeAlias,
                    Path = (parent?.Path ?? "/") + key.ToString("D") + "/", Level = (parent?.Level ?? 0) + 1,
                    SortOrder = write.SortOrder ?? await NextSortOrderAsync(db, parent?.Key, cancellationToken),
                    FilePath = relative, Bytes = stored.Length, Width = width, Height = height, Extension = format.Extension,
                    FocalLeft = focal?.Left, FocalTop = focal?.Top, Crops = crops, Properties = properties, Text = text,
                    CreateDateUtc = now, UpdateDateUtc = now, Revision = 1, CreatedBy = actor,
                };
                db.MediaNodes.Add(row);
                Audit(db, actor, "media-create", key, $"{typeAlias} '{name}' ({format.Extension}, {stored.Length} bytes)");
                Feed(db, MediaChangeKind.Saved, key);
                await db.SaveChangesAsync(cancellationToken);
                return MediaOutcome.Created(PublishedMediaFeedSubscriber.ToItem(row));
            }, cancellationToken);
            committed = outcome.Succeeded;
            return outcome;
        }
        finally
        {
            if (!committed)
            {
                TryDeleteFolder(Path.Combine(_paths.MediaPath, key.ToString("N")));
            }
        }
    }

    /// <summary>Creates a folder (media type <c>folder</c>).</summary>
    public async Task<MediaOutcome> CreateFolderAsync(MediaWrite write, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var errors = new List<FieldError>();
        var name = (write.Name ?? "").Trim();
        CheckName(name, errors);
        if (write.Properties.Count > 0)
        {
            errors.Add(new FieldError(write.Properties.Keys.First(), "A folder has no properties."));
        }
        if (errors.Count > 0)
        {
            return MediaOutcome.Invalid(errors);
        }
        return await InTransactionAsync(async db =>
        {
            var (parent, parentError) = await LoadParentAsync(db, write.ParentKey, FolderType, cancellationToken);
            if (parentError is not null)
            {
                return parentError;
            }
            if (await FolderNameTakenAsync(db, parent?.Key, name, null, cancellationToken))
            {
                return MediaOutcome.Fail(MediaStatus.Invalid, "name", DuplicateFolderName);
            }
            var key = write.Key ?? Guid.NewGuid();
            var now = UtcNow;
            var row = new MediaNodeEntity
            {
                Key = key, ParentKey = parent?.Key, Name = name, MediaType = FolderType,
                Path = (parent?.Path ?? "/") + key.ToString("D") + "/", Level = (parent?.Level ?? 0) + 1,
                SortOrder = write.SortOrder ?? await NextSortOrderAsync(db, parent?.Key, cancellationToken),
                Properties = "{}", CreateDateUtc = now, UpdateDateUtc = now, Revision = 1, CreatedBy = actor,
            };
            db.MediaNodes.Add(row);
            Audit(db, actor, "media-create", key, $"folder '{name}'");
            Feed(db, MediaChangeKind.Saved, key);
            await db.SaveChangesAsync(cancellationToken);
            return MediaOutcome.Created(PublishedMediaFeedSubscriber.ToItem(row));
        }, cancellationToken);
    }

    /// <summary>One item as stored (the management API reads the database, not the cache, to see its own writes).</summary>
    public async Task<MediaItem?> GetAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var row = await db.MediaNodes.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, cancellationToken);
        return row is null ? null : PublishedMediaFeedSubscriber.ToItem(row);
    }

    /// <summary>The children of a folder (or the root items) in tree order.</summary>
    public async Task<IReadOnlyList<MediaItem>> GetChildrenAsync(Guid? parentKey, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var rows = await db.MediaNodes.AsNoTracking().Where(m => m.ParentKey == parentKey).OrderBy(m => m.SortOrder).ToListAsync(cancellationToken);
        return [.. rows.Select(PublishedMediaFeedSubscriber.ToItem)];
    }

    /// <summary>The text extracted from a PDF, DOCX or ODT item (for search), or null.</summary>
    public async Task<string?> GetTextAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        return await db.MediaNodes.AsNoTracking().Where(m => m.Key == key).Select(m => m.Text).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The absolute path of a stored file, always inside the media folder.</summary>
    public string GetFilePath(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Path.Combine(_paths.MediaPath, item.FilePath ?? throw new ArgumentException("A folder has no file.", nameof(item)));
    }

    private sealed record CheckedFile(MediaOutcome? Error, MediaFormat? Format = null, byte[]? Content = null, int? Width = null, int? Height = null);

    private CheckedFile CheckFile(byte[] content)
    {
        var format = MediaSniffer.Sniff(content);
        if (format is null)
        {
            var head = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 1024));
            var why = head.Contains("<svg", StringComparison.OrdinalIgnoreCase)
                ? "SVG files are refused: they can carry scripts and are not sanitised here. Export a PNG instead."
                : "The file's content is none of the accepted formats: JPEG, PNG, WebP, GIF images or PDF, DOCX, ODT documents (the extension does not count).";
            return new(MediaOutcome.Fail(MediaStatus.UnsupportedType, "file", why));
        }
        if (!format.IsImage)
        {
            return new(null, format, content);
        }
        if (MediaImageProcessor.Identify(content) is not { } size)
        {
            return new(MediaOutcome.Fail(MediaStatus.Invalid, "file", "The image header cannot be read: the file is damaged."));
        }
        var megapixels = (double)size.Width * size.Height / 1_000_000;
        if (megapixels > _options.MaxMegapixels)
        {
            return new(MediaOutcome.Fail(MediaStatus.TooManyPixels, "file", $"The image is {size.Width}×{size.Height} ({megapixels:0.#} megapixels); at most {_options.MaxMegapixels:0.#} megapixels are accepted."));
        }
        var (prepared, error) = MediaImageProcessor.PrepareUpload(content, format);
        return error is not null
            ? new(MediaOutcome.Fail(MediaStatus.Invalid, "file", error))
            : new(null, format, prepared, size.Width, size.Height);
    }

    private async Task<MediaOutcome> InTransactionAsync(Func<HubDbContext, Task<MediaOutcome>> operation, CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ChangeFeedWriter.LockAsync(db, cancellationToken);
        MediaOutcome outcome;
        try
        {
            outcome = await operation(db);
        }
        catch (DbUpdateConcurrencyException)
        {
            return MediaOutcome.Conflict("The media item was changed by someone else meanwhile; reload it and try again.");
        }
        if (outcome.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
            _signal?.Notify();
        }
        return outcome;
    }

    private static async Task<(MediaNodeEntity? Parent, MediaOutcome? Error)> LoadParentAsync(HubDbContext db, Guid? parentKey, string childType, CancellationToken cancellationToken)
    {
        if (parentKey is not { } key)
        {
            return (null, null);
        }
        var parent = await db.MediaNodes.FirstOrDefaultAsync(m => m.Key == key, cancellationToken);
        if (parent is null)
        {
            return (null, MediaOutcome.Fail(MediaStatus.Invalid, "parentKey", $"No media folder with key {key}."));
        }
        if (parent.MediaType != FolderType)
        {
            return (null, MediaOutcome.Fail(MediaStatus.Invalid, "parentKey", $"'{parent.Name}' is a {parent.MediaType}, not a folder."));
        }
        return (parent, null);
    }

    private static async Task<int> NextSortOrderAsync(HubDbContext db, Guid? parentKey, CancellationToken cancellationToken) =>
        (await db.MediaNodes.Where(m => m.ParentKey == parentKey).MaxAsync(m => (int?)m.SortOrder, cancellationToken) ?? -1) + 1;

    private void Audit(HubDbContext db, string actor, string action, Guid key, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntity { DateUtc = UtcNow, Actor = actor, Action = action, NodeKey = key, Detail = detail });

    private void Feed(HubDbContext db, string kind, Guid key) =>
        db.ChangeFeed.Add(new ChangeFeedEntity { DateUtc = UtcNow, Kind = kind, NodeKey = key });

    private static void CheckName(string name, List<FieldError> errors)
    {
        if (name.Length == 0)
        {
            errors.Add(new FieldError("name", "A name is required."));
        }
        else if (name.Length > 500 || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            errors.Add(new FieldError("name", "A name has at most 500 characters and no '/' (names make the media path)."));
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file being served right now: the orphan folder is harmless and removed with the next delete.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
