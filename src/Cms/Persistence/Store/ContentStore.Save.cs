using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.ChangeFeed;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Entities;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;

using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Persistence.Store;

public sealed partial class ContentStore
{
    internal async Task<ContentOutcome> SaveCoreAsync(HubDbContext db, ContentWrite write, string actor, CancellationToken cancellationToken, WriteBatchState? state = null)
    {
        var type = _schema.GetDocumentType(write.ContentType);
        if (type is null || type.IsElement)
        {
            return ContentOutcome.Invalid(new FieldError("contentType", type is null
                ? $"Unknown document type '{write.ContentType}'. Known: {string.Join(", ", _schema.DocumentTypes.Values.Where(t => !t.IsElement).Select(t => t.Alias).Order(StringComparer.Ordinal))}."
                : $"'{write.ContentType}' is an element type (used inside block lists); it cannot be created as an item."));
        }
        var culture = ResolveCulture(type, write.Culture, out var cultureError);
        if (cultureError is not null)
        {
            return ContentOutcome.Invalid(cultureError);
        }

        var errors = new List<FieldError>();
        var name = write.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new FieldError("name", "A name is required."));
        }
        else if (name.Length > 1000)
        {
            errors.Add(new FieldError("name", $"The name is {name.Length} characters long; at most 1000 are allowed."));
        }
        var segment = UrlSegmentBuilder.Build(string.IsNullOrWhiteSpace(write.UrlSegment) ? name : write.UrlSegment);
        if (name.Length > 0 && segment.Length == 0)
        {
            errors.Add(new FieldError(write.UrlSegment is null ? "name" : "urlSegment", "The name must contain at least one letter or digit to make a URL segment."));
        }
        foreach (var (alias, value) in write.Values)
        {
            if (value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > _maxBodyCharacters)
            {
                errors.Add(new FieldError(alias, $"The value is {s.Length:N0} characters long; at most {_maxBodyCharacters:N0} are accepted."));
            }
        }
        if (errors.Count > 0)
        {
            return ContentOutcome.Invalid(errors);
        }

        // Find the item: by key, then by import key.
        ContentNodeEntity? node = null;
        var key = write.Key ?? (write.ImportKey is { Length: > 0 } importKey ? ContentKeys.FromImportKey(importKey) : Guid.NewGuid());
        node = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
        // An item found by import key under another GUID exists only when a writer chose the GUID itself.
        if (node is null && write.ImportKey is { Length: > 0 } && (write.Key is not null || key != ContentKeys.FromImportKey(write.ImportKey)))
        {
            node = await db.ContentNodes.FirstOrDefaultAsync(n => n.ImportKey == write.ImportKey, cancellationToken);
        }
        if (node is not null)
        {
            if (!string.Equals(node.ContentType, type.Alias, StringComparison.Ordinal))
            {
                return ContentOutcome.Invalid(new FieldError("contentType", $"Item {node.Key} is a '{node.ContentType}'; its type cannot change to '{type.Alias}'."));
            }
            if (write.ExpectedRevision is { } expected && expected != node.Revision)
            {
                return ContentOutcome.Conflict($"Item {node.Key} is at revision {node.Revision}, not {expected}: it was changed meanwhile. Reload it and apply your change again.", new FieldError("revision", $"Stale revision {expected}; current is {node.Revision}."));
            }
            if (node.Trashed)
            {
                return ContentOutcome.Conflict($"Item {node.Key} is in the recycle bin; restore it before changing it.");
            }
        }

        // Parent: explicit key or route; otherwise keep the current one (update) or root (create).
        ContentNodeEntity? parent = null;
        var parentGiven = write.ParentKey is not null || write.ParentRoute is not null;
        if (write.ParentKey is { } parentKey)
        {
            parent = await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == parentKey, cancellationToken);
            if (parent is null)
            {
                return ContentOutcome.Invalid(new FieldError("parent", $"The parent {parentKey} does not exist."));
            }
        }
        else if (write.ParentRoute is { } parentRoute && !IsRootRoute(parentRoute, out _))
        {
            parent = await ResolveParentRouteAsync(db, parentRoute, state, cancellationToken);
            if (parent is null)
            {
                return ContentOutcome.Invalid(new FieldError("parent", $"No item lives at '{parentRoute}'."));
            }
        }
        else if (write.ParentRoute is { } rootRoute && IsRootRoute(rootRoute, out _))
        {
            parent = await db.ContentNodes.Where(n => n.ParentKey == null && !n.Trashed && n.Key != key).OrderBy(n => n.SortOrder).FirstOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                return ContentOutcome.Invalid(new FieldError("parent", "The parent is the root item ('/'), but there is no root item yet."));
            }
        }
        else if (node is not null && !parentGiven)
        {
            parent = node.ParentKey is { } current ? await db.ContentNodes.FirstAsync(n => n.Key == current, cancellationToken) : null;
        }
        else if (node is null && !type.AllowedAtRoot && type.DefaultParent is { } defaultParent)
        {
            // No parent named: the type's default location (resources go to /ressources, as an editor would file them).
            parent = IsRootRoute(defaultParent, out _)
                ? await db.ContentNodes.Where(n => n.ParentKey == null && !n.Trashed).OrderBy(n => n.SortOrder).FirstOrDefaultAsync(cancellationToken)
                : await ResolveParentRouteAsync(db, defaultParent, state, cancellationToken);
            if (parent is null)
            {
                return ContentOutcome.Invalid(new FieldError("parent", $"No parent given and the default location of '{type.Alias}' ({defaultParent}) does not exist yet."));
            }
        }

        if (parent is not null)
        {
            if (parent.Trashed)
            {
                return ContentOutcome.Invalid(new FieldError("parent", $"The parent {parent.Key} is in the recycle bin."));
            }
            var parentType = _schema.GetDocumentType(parent.ContentType);
            if (parentType is not null && !parentType.AllowedChildren.Contains(type.Alias, StringComparer.Ordinal))
            {
                return ContentOutcome.Invalid(new FieldError("contentType", $"A '{type.Alias}' cannot be created under a '{parent.ContentType}'. Allowed there: {(parentType.AllowedChildren.Count == 0 ? "nothing" : string.Join(", ", parentType.AllowedChildren))}."));
            }
            if (node is not null && parent.Path.Contains($"/{node.Key}/", StringComparison.Ordinal))
            {
                return ContentOutcome.Invalid(new FieldError("parent", "An item cannot be moved under itself or one of its descendants."));
            }
        }
        else if (!type.AllowedAtRoot)
        {
            return ContentOutcome.Invalid(new FieldError("parent", $"A '{type.Alias}' cannot be created at the root; give a parent (for example '/ressources')."));
        }

        // Invariant values belong to the default culture's write; a translation may not change them.
        if (culture.Length > 0 && !string.Equals(culture, _schema.DefaultCulture, StringComparison.Ordinal))
        {
            var invariantGiven = write.Values.Keys.Where(alias => type.GetProperty(alias) is { VariesByCulture: false }).ToList();
            if (invariantGiven.Count > 0)
            {
                return ContentOutcome.Invalid(invariantGiven.Select(alias => new FieldError(alias, $"'{alias}' does not vary by culture; set it in {_schema.DefaultCulture}, not in {culture}.")).ToList());
            }
        }

        // Values: validate and normalise, then merge into the current data.
        var context = new PropertyValueContext { Schema = _schema, Culture = culture.Length == 0 ? null : culture, Editors = _editors, Time = _time };
        var validated = _validator.Validate(type, write.Values, context);
        if (!validated.IsValid)
        {
            return ContentOutcome.Invalid(validated.Errors);
        }
        ContentData data;
        string? currentJson = null;
        if (node is null)
        {
            data = new ContentData();
        }
        else
        {
            var current = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.NodeKey == node.Key && v.Number == node.CurrentVersion, cancellationToken);
            currentJson = current.Data;
            data = ContentData.FromJson(current.Data);
        }
        MergeValues(type, data, culture, validated.Values, write.ReplaceValues);
        data.Names[culture] = name;
        if (!string.IsNullOrWhiteSpace(write.UrlSegment))
        {
            data.Segments[culture] = segment;
        }
        else
        {
            data.Segments.Remove(culture);
        }
        var required = _validator.CheckRequired(type, data.InvariantValues, culture.Length == 0 ? null : data.CultureValues.GetValueOrDefault(culture), variantOnly: culture.Length > 0 && !string.Equals(culture, _schema.DefaultCulture, StringComparison.Ordinal));
        if (required.Count > 0)
        {
            return ContentOutcome.Invalid(required);
        }
        foreach (var rule in _rules)
        {
            var refused = await rule.CheckAsync(new ContentWriteCheck(type.Alias, node?.Key, culture, currentJson is null ? null : ContentData.FromJson(currentJson), data), cancellationToken);
            if (refused.Count > 0)
            {
                return ContentOutcome.Invalid([.. refused]);
            }
        }

        // Nothing to change (same values, same place, published as asked): write nothing, so re-imports are idempotent.
        if (node is not null && currentJson is not null && data.ToJson() == currentJson
            && (!parentGiven || node.ParentKey == parent?.Key) && (write.SortOrder is null || write.SortOrder == node.SortOrder)
            && (!write.Publish || await IsPublishedAsAsync(db, node.Key, type, data, culture, cancellationToken)))
        {
            return new ContentOutcome { Status = ContentStatus.Ok, Unchanged = true, Item = state is { Lightweight: true } ? null : await ViewOfAsync(db, node, data, cancellationToken) };
        }

        // Siblings may not share a URL segment in the same culture.
        var parentKeyValue = parent?.Key;
        var clash = await FindSegmentClashAsync(db, parentKeyValue, node?.Key ?? key, culture, segment, cancellationToken);
        if (clash is not null)
        {
            return ContentOutcome.Invalid(new FieldError(write.UrlSegment is null ? "name" : "urlSegment", clash));
        }

        var now = UtcNow;
        var created = node is null;
        var moved = false;
        if (node is null)
        {
            var siblingKey = parentKeyValue ?? Guid.Empty;
            if (state is null || !state.NextSortOrder.TryGetValue(siblingKey, out var nextSortOrder))
            {
                nextSortOrder = (await db.ContentNodes.Where(n => n.ParentKey == parentKeyValue).Select(n => (int?)n.SortOrder).MaxAsync(cancellationToken) ?? -1) + 1;
            }
            var sortOrderValue = write.SortOrder ?? nextSortOrder;
            if (state is not null)
            {
                state.NextSortOrder[siblingKey] = Math.Max(nextSortOrder, sortOrderValue + 1);
            }
            node = new ContentNodeEntity
            {
                Key = key,
                ImportKey = string.IsNullOrWhiteSpace(write.ImportKey) ? null : write.ImportKey.Trim(),
                ParentKey = parentKeyValue,
                ContentType = type.Alias,
                SortOrder = sortOrderValue,
                Level = (parent?.Level ?? 0) + 1,
                Path = (parent?.Path ?? "/") + key + "/",
                CreateDateUtc = now,
                UpdateDateUtc = now,
                CurrentVersion = 0,
                Revision = 0,
                CreatedBy = actor,
            };
            db.ContentNodes.Add(node);
        }
        else
        {
            if (parentGiven && node.ParentKey != parentKeyValue)
            {
                moved = true;
            }
            // A renamed or moved item can change the routes a batch remembers.
            if (moved || data.Names.GetValueOrDefault(culture) != name || write.UrlSegment is not null)
            {
                state?.Forget();
            }
            if (write.SortOrder is { } sortOrder)
            {
                node.SortOrder = sortOrder;
            }
        }
        node.CurrentVersion++;
        node.Revision++;
        node.UpdateDateUtc = now;
        db.ContentVersions.Add(new ContentVersionEntity { NodeKey = node.Key, Number = node.CurrentVersion, CreateDateUtc = now, Author = actor, Data = data.ToJson() });
        if (created)
        {
            db.ContentCultures.Add(new ContentCultureEntity { NodeKey = node.Key, ParentKey = node.ParentKey, Culture = culture, Name = name, UrlSegment = segment, UpdateDateUtc = now });
        }
        else
        {
            await UpsertCultureAsync(db, node.Key, node.ParentKey, culture, name, segment, now, cancellationToken);
        }
        Audit(db, actor, created ? "create" : "save", node.Key, culture, $"version {node.CurrentVersion}");
        Feed(db, ChangeKind.Saved, node.Key);

        if (moved)
        {
            await db.SaveChangesAsync(cancellationToken);
            var moveOutcome = await MoveCoreAsync(db, node, parent, null, actor, cancellationToken);
            if (!moveOutcome.Succeeded)
            {
                return moveOutcome;
            }
        }
        // Publishing in the same SaveChanges as the save: one round of inserts per item.
        if (write.Publish)
        {
            await PublishCultureAsync(db, node, type, data, culture, actor, cancellationToken, isNew: created);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (state is { Lightweight: true })
        {
            return new ContentOutcome { Status = created ? ContentStatus.Created : ContentStatus.Ok };
        }
        return new ContentOutcome { Status = created ? ContentStatus.Created : ContentStatus.Ok, Item = await ViewOfAsync(db, node, data, cancellationToken) };
    }

    /// <summary>True when the culture's publication already shows exactly this data (name, segment, published properties).</summary>
    private async Task<bool> IsPublishedAsAsync(HubDbContext db, Guid key, DocumentType type, ContentData data, string culture, CancellationToken cancellationToken)
    {
        var row = await db.ContentPublications.AsNoTracking().FirstOrDefaultAsync(p => p.NodeKey == key && p.Culture == culture, cancellationToken);
        if (row is null)
        {
            return false;
        }
        var name = data.Names.GetValueOrDefault(culture) ?? "";
        var segment = data.Segments.GetValueOrDefault(culture) ?? UrlSegmentBuilder.Build(name);
        return row.Name == name && row.UrlSegment == segment && row.Properties == BuildPublishedProperties(type, data, culture);
    }

    private void MergeValues(DocumentType type, ContentData data, string culture, JsonObject values, bool replace)
    {
        var writesInvariant = culture.Length == 0 || string.Equals(culture, _schema.DefaultCulture, StringComparison.Ordinal);
        if (replace)
        {
            if (culture.Length > 0)
            {
                data.CultureValues[culture] = [];
            }
            if (writesInvariant)
            {
                data.InvariantValues.Clear();
            }
        }
        foreach (var (alias, value) in values)
        {
            var property = type.GetProperty(alias);
            var target = property is { VariesByCulture: true } && culture.Length > 0 ? data.ValuesFor(culture) : data.InvariantValues;
            target[alias] = value?.DeepClone();
        }
    }

    private static bool IsRootRoute(string route, out string trimmed)
    {
        trimmed = route.Trim().Trim('/');
        return trimmed.Length == 0;
    }

    private static async Task<ContentNodeEntity?> ResolveParentRouteAsync(HubDbContext db, string route, WriteBatchState? state, CancellationToken cancellationToken)
    {
        if (state is not null && state.Parents.TryGetValue(route, out var known))
        {
            return known;
        }
        var parent = await ResolveDraftRouteAsync(db, route, cancellationToken);
        if (parent is not null && state is not null)
        {
            state.Parents[route] = parent;
        }
        return parent;
    }

    /// <summary>Finds the (non-trashed) item at a draft route such as <c>/ressources/guides</c>; segments match in any culture.</summary>
    private static async Task<ContentNodeEntity?> ResolveDraftRouteAsync(HubDbContext db, string route, CancellationToken cancellationToken)
    {
        var segments = route.Trim().Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = await db.ContentNodes.Where(n => n.ParentKey == null && !n.Trashed).OrderBy(n => n.SortOrder).FirstOrDefaultAsync(cancellationToken);
        foreach (var raw in segments)
        {
            if (current is null)
            {
                return null;
            }
            var segment = UrlSegmentBuilder.Build(Uri.UnescapeDataString(raw));
            var parentKey = current.Key;
            var childKey = await (from c in db.ContentCultures
                                  join n in db.ContentNodes on c.NodeKey equals n.Key
                                  where c.ParentKey == parentKey && c.UrlSegment == segment && !n.Trashed
                                  select c.NodeKey).FirstOrDefaultAsync(cancellationToken);
            current = childKey == Guid.Empty ? null : await db.ContentNodes.FirstOrDefaultAsync(n => n.Key == childKey, cancellationToken);
        }
        return current;
    }

    private async Task<string?> FindSegmentClashAsync(HubDbContext db, Guid? parentKey, Guid self, string culture, string segment, CancellationToken cancellationToken)
    {
        var other = await (from c in db.ContentCultures
                           join n in db.ContentNodes on c.NodeKey equals n.Key
                           where c.ParentKey == parentKey && c.UrlSegment == segment && c.NodeKey != self && !n.Trashed
                                 && (culture.Length == 0 || c.Culture == culture || c.Culture == "")
                           select new { c.NodeKey, c.Name, c.Culture, n.ImportKey }).FirstOrDefaultAsync(cancellationToken);
        if (other is null)
        {
            return null;
        }
        var where = parentKey is null ? "at the root" : "under the same parent";
        var cultureText = culture.Length == 0 ? "" : $" in {culture}";
        return $"The URL segment '{segment}' is already used {where}{cultureText} by '{other.Name}' ({other.ImportKey ?? other.NodeKey.ToString()}); choose another name or URL segment.";
    }

    private static async Task UpsertCultureAsync(HubDbContext db, Guid key, Guid? parentKey, string culture, string name, string segment, DateTime now, CancellationToken cancellationToken)
    {
        var row = await db.ContentCultures.FirstOrDefaultAsync(c => c.NodeKey == key && c.Culture == culture, cancellationToken);
        if (row is null)
        {
            db.ContentCultures.Add(new ContentCultureEntity { NodeKey = key, ParentKey = parentKey, Culture = culture, Name = name, UrlSegment = segment, UpdateDateUtc = now });
        }
        else
        {
            row.Name = name;
            row.UrlSegment = segment;
            row.ParentKey = parentKey;
            row.UpdateDateUtc = now;
        }
    }
}
