using System.Text.Json;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Extensions.Persistence;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Stores accepted entries of forms without a handler: values as one JSON document, uploaded files under
/// <c>App_Data/forms/{entry}/</c> (named by the server, never by the sender).
/// </summary>
public sealed class FormEntryStore(PoleDbContextFactory contexts, HubPaths paths, TimeProvider time)
{
    public string FilesRoot => Path.Combine(paths.DataPath, "forms");

    public async Task<Guid> SaveAsync(FormEntry entry, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (alias, value) in entry.Values)
        {
            if (value.Files.Count > 0)
            {
                var folder = Path.Combine(FilesRoot, id.ToString("N"));
                Directory.CreateDirectory(folder);
                var stored = new List<object>();
                for (var i = 0; i < value.Files.Count; i++)
                {
                    var file = value.Files[i];
                    var name = $"{alias}-{i + 1}{Path.GetExtension(file.FileName).ToLowerInvariant()}";
                    await File.WriteAllBytesAsync(Path.Combine(folder, name), file.Content, cancellationToken);
                    stored.Add(new { fileName = file.FileName, storedAs = name, size = file.Content.Length });
                }
                values[alias] = stored;
            }
            else
            {
                values[alias] = value.Texts.Count == 1 ? value.Texts[0] : value.Texts;
            }
        }
        await using var db = contexts.CreateDbContext();
        db.FormEntries.Add(new FormEntryEntity
        {
            Id = id,
            FormAlias = entry.Form.Alias,
            ContentKey = entry.ContentKey,
            Culture = entry.Culture,
            ValuesJson = JsonSerializer.Serialize(values),
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
