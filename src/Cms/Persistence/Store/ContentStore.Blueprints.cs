using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Persistence.Entities;

namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>Content blueprints: values new items of a type can start from (saved from an item, never published).</summary>
public sealed partial class ContentStore
{
    /// <summary>Saves the current draft of an item as a blueprint of its type.</summary>
    public async Task<ContentOutcome> SaveBlueprintAsync(Guid key, string name, string actor, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            return ContentOutcome.Invalid(new PropertyEditors.FieldError("blueprintName", "A blueprint name of 1 to 200 characters is required."));
        }
        await using var db = _contexts.CreateDbContext();
        var node = await db.ContentNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null)
        {
            return ContentOutcome.NotFound($"No item with key {key}.");
        }
        var version = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.NodeKey == key && v.Number == node.CurrentVersion, cancellationToken);
        db.ContentBlueprints.Add(new ContentBlueprintEntity { Name = name, ContentType = node.ContentType, Data = version.Data, CreatedBy = actor, CreateDateUtc = UtcNow });
        Audit(db, actor, "blueprint-create", key, null, name);
        await db.SaveChangesAsync(cancellationToken);
        return new ContentOutcome { Status = ContentStatus.Created };
    }

    /// <summary>The blueprints of a type (all types when null).</summary>
    public async Task<IReadOnlyList<ContentBlueprint>> GetBlueprintsAsync(string? contentType, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var rows = db.ContentBlueprints.AsNoTracking();
        if (contentType is not null)
        {
            rows = rows.Where(b => b.ContentType == contentType);
        }
        return await rows.OrderBy(b => b.Name).Select(b => new ContentBlueprint(b.Id, b.Name, b.ContentType, b.CreatedBy, b.CreateDateUtc)).ToListAsync(cancellationToken);
    }

    /// <summary>The values of a blueprint, or null when it does not exist.</summary>
    public async Task<ContentData?> GetBlueprintDataAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var data = await db.ContentBlueprints.AsNoTracking().Where(b => b.Id == id).Select(b => b.Data).FirstOrDefaultAsync(cancellationToken);
        return data is null ? null : ContentData.FromJson(data);
    }

    public async Task<bool> DeleteBlueprintAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = _contexts.CreateDbContext();
        var row = await db.ContentBlueprints.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }
        db.ContentBlueprints.Remove(row);
        Audit(db, actor, "blueprint-delete", null, null, row.Name);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
