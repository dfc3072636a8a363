using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Rendering;
using PoleKnowledge.Cms.Schema;

using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>
/// The write side of content: every operation validates against the schema and runs as one database
/// transaction that writes the item, a version, an audit entry and change-feed rows. Nothing else
/// happens inside the request; the published cache and the index follow the feed.
/// </summary>
public sealed partial class ContentStore
{
    private readonly HubDbContextFactory _contexts;
    private readonly ContentSchema _schema;
    private readonly PropertyEditorCollection _editors;
    private readonly MarkdownRenderer _markdown;
    private readonly TimeProvider _time;
    private readonly ContentValueValidator _validator = new();
    private readonly PublishedPropertiesBuilder _publisher = new();
    private readonly int _maxBodyCharacters;
    private readonly ChangeFeed.ChangeFeedSignal? _signal;
    private readonly IContentWriteRule[] _rules;
    private readonly PublishedPropertyRules _publication;

    public ContentStore(HubDbContextFactory contexts, ContentSchemaHolder schema, PropertyEditorCollection editors, MarkdownRenderer markdown, TimeProvider time, Hosting.HubOptions options, ChangeFeed.ChangeFeedSignal? signal = null, IEnumerable<IContentWriteRule>? rules = null, PublishedPropertyRules? publication = null)
    {
        _signal = signal;
        _rules = rules?.ToArray() ?? [];
        _publication = publication ?? PublishedPropertyRules.None;
        _contexts = contexts;
        _schema = schema.Schema;
        _editors = editors;
        _markdown = markdown;
        _time = time;
        _maxBodyCharacters = options.MaxBodyCharacters;
    }

    public ContentSchema Schema => _schema;

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    /// <summary>Creates or updates an item in one culture (and publishes it when asked), in its own transaction.</summary>
    public async Task<ContentOutcome> SaveAsync(ContentWrite write, string actor, CancellationToken cancellationToken = default)
    {
        await using var batch = await BeginBatchAsync(actor, cancellationToken: cancellationToken);
        var outcome = await batch.SaveAsync(write, cancellationToken);
        if (outcome.Succeeded)
        {
            await batch.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    /// <summary>Opens a batch: many writes in one transaction (imports). Each write succeeds or fails alone.</summary>
    public async Task<ContentWriteBatch> BeginBatchAsync(string actor, bool lightweight = false, CancellationToken cancellationToken = default)
    {
        var db = _contexts.CreateDbContext();
        // The batch puts each write behind its own savepoint; EF's automatic one per SaveChanges would double the round trips.
        db.Database.AutoSavepointsEnabled = false;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ChangeFeedWriter.LockAsync(db, cancellationToken);
        return new ContentWriteBatch(this, db, transaction, actor) { Lightweight = lightweight };
    }

    /// <summary>Runs an operation in its own transaction, committing only when it succeeds.</summary>
    private async Task<ContentOutcome> InTransactionAsync(Func<HubDbContext, Task<ContentOutcome>> operation, CancellationToken cancellationToken)
    {
        await using var db = _contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ChangeFeedWriter.LockAsync(db, cancellationToken);
        ContentOutcome outcome;
        try
        {
            outcome = await operation(db);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ContentOutcome.Conflict("The item was changed by someone else meanwhile; reload it and try again.");
        }
        if (outcome.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
            _signal?.Notify();
        }
        return outcome;
    }

    internal void NotifyCommitted() => _signal?.Notify();

    private void Audit(HubDbContext db, string actor, string action, Guid? key, string? culture = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntity { DateUtc = UtcNow, Actor = actor, Action = action, NodeKey = key, Culture = culture, Detail = detail });

    private void Feed(HubDbContext db, string kind, Guid key) =>
        db.ChangeFeed.Add(new ChangeFeedEntity { DateUtc = UtcNow, Kind = kind, NodeKey = key });

    private string ResolveCulture(DocumentType type, string? culture, out FieldError? error)
    {
        error = null;
        if (!type.VariesByCulture)
        {
            if (culture is not null && !string.Equals(culture, _schema.DefaultCulture, StringComparison.OrdinalIgnoreCase) && culture.Length > 0)
            {
                error = new FieldError("culture", $"Document type '{type.Alias}' does not vary by culture; write it in {_schema.DefaultCulture} only (got '{culture}').");
            }
            return ContentData.Invariant;
        }
        if (string.IsNullOrEmpty(culture))
        {
            return _schema.DefaultCulture;
        }
        foreach (var known in _schema.Cultures)
        {
            if (string.Equals(known, culture, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }
        error = new FieldError("culture", $"Unknown culture '{culture}'. Known cultures: {string.Join(", ", _schema.Cultures)}.");
        return _schema.DefaultCulture;
    }

    /// <summary>Builds the published form of one culture of an item (Markdown rendered here, once).</summary>
    private string BuildPublishedProperties(DocumentType type, ContentData data, string culture)
    {
        var publishCulture = culture.Length == 0 ? _schema.DefaultCulture : culture;
        var cultureValues = culture.Length == 0 ? null : data.CultureValues.GetValueOrDefault(culture);
        var context = new PropertyPublishContext
        {
            Schema = _schema,
            Editors = _editors,
            Culture = publishCulture,
            Markdown = _markdown,
            Withheld = _publication.WithheldFor(type.Alias, data.InvariantValues, cultureValues),
        };
        var properties = _publisher.Build(type, data.InvariantValues, cultureValues, context);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in properties)
            {
                writer.WritePropertyName(property.Alias);
                writer.WriteRawValue(property.Json, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ContentItemView ToView(ContentNodeEntity node, ContentData data, IEnumerable<ContentPublicationEntity> publications, IEnumerable<ContentScheduleEntity> schedules) => new()
    {
        Key = node.Key,
        ImportKey = node.ImportKey,
        ContentType = node.ContentType,
        ParentKey = node.ParentKey,
        SortOrder = node.SortOrder,
        Level = node.Level,
        Trashed = node.Trashed,
        Revision = node.Revision,
        Version = node.CurrentVersion,
        CreateDate = node.CreateDateUtc,
        UpdateDate = node.UpdateDateUtc,
        Data = data,
        Published = publications.ToDictionary(p => p.Culture, p => new PublishedCultureState(p.VersionNumber, p.PublishDateUtc, p.Name, p.UrlSegment), StringComparer.Ordinal),
        Schedule = schedules.OrderBy(s => s.DueUtc).Select(s => new ScheduledAction(s.Id, s.Culture, s.Action, s.DueUtc)).ToList(),
    };

    /// <summary>Reads the draft of an item (latest version), with its publication state and schedule.</summary>
    public async Task<ContentItemView?> GetAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        return await LoadViewAsync(db, key, cancellationToken);
    }

    private static async Task<ContentItemView?> LoadViewAsync(HubDbContext db, Guid key, CancellationToken cancellationToken)
    {
        var node = await db.ContentNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null)
        {
            return null;
        }
        var version = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.NodeKey == key && v.Number == node.CurrentVersion, cancellationToken);
        return await ViewOfAsync(db, node, ContentData.FromJson(version.Data), cancellationToken);
    }

    /// <summary>The view of a node whose data is already in hand: adds its publication state and schedule.</summary>
    private static async Task<ContentItemView> ViewOfAsync(HubDbContext db, ContentNodeEntity node, ContentData data, CancellationToken cancellationToken)
    {
        var publications = await db.ContentPublications.AsNoTracking().Where(p => p.NodeKey == node.Key).ToListAsync(cancellationToken);
        var schedules = await db.ContentSchedules.AsNoTracking().Where(s => s.NodeKey == node.Key).ToListAsync(cancellationToken);
        return ToView(node, data, publications, schedules);
    }

    /// <summary>True when any item exists (trashed or not): the demo content is imported only into an empty hub.</summary>
    public async Task<bool> HasContentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        return await db.ContentNodes.AnyAsync(cancellationToken);
    }

    /// <summary>Finds an item key by its import key.</summary>
    public async Task<Guid?> FindByImportKeyAsync(string importKey, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        return await db.ContentNodes.AsNoTracking().Where(n => n.ImportKey == importKey).Select(n => (Guid?)n.Key).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// A page of the children of an item (or of the roots) in tree order, drafts included, with the total: for
    /// editors, the management API and exports (which walk pages, so memory stays flat in 70,000-item sections).
    /// </summary>
    public async Task<(int Total, IReadOnlyList<ContentItemView> Items)> GetChildrenPageAsync(Guid? parentKey, int skip, int take, bool includeTrashed = false, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var query = db.ContentNodes.AsNoTracking().Where(n => n.ParentKey == parentKey && (includeTrashed || !n.Trashed));
        var total = await query.CountAsync(cancellationToken);
        var keys = await query.OrderBy(n => n.SortOrder).ThenBy(n => n.Key).Skip(skip).Take(take).Select(n => n.Key).ToListAsync(cancellationToken);
        var result = new List<ContentItemView>(keys.Count);
        foreach (var key in keys)
        {
            if (await LoadViewAsync(db, key, cancellationToken) is { } view)
            {
                result.Add(view);
            }
        }
        return (total, result);
    }

    /// <summary>All children of an item (or the roots) in tree order; prefer <see cref="GetChildrenPageAsync"/> for big sections.</summary>
    public async Task<IReadOnlyList<ContentItemView>> GetChildrenAsync(Guid? parentKey, bool includeTrashed = false, CancellationToken cancellationToken = default) =>
        (await GetChildrenPageAsync(parentKey, 0, int.MaxValue, includeTrashed, cancellationToken)).Items;
}
