using System.Text.Json;
using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>Reads working groups from the published cache (never the database): the group a sign-up is for, and the list of groups.</summary>
public sealed class WorkingGroupCatalog(PublishedContentCache cache)
{
    public const string ContentType = "workingGroup";

    public WorkingGroup? Find(Guid key) => cache.Get(key) is { ContentType: ContentType } item ? Read(item) : null;

    /// <summary>By its URL segment (the last part of <c>/groupes-de-travail/{segment}/</c>).</summary>
    public WorkingGroup? FindBySegment(string segment) =>
        cache.All.Where(i => i.ContentType == ContentType && i.Cultures.Values.Any(c => string.Equals(c.UrlSegment, segment, StringComparison.OrdinalIgnoreCase)))
            .Select(Read).FirstOrDefault();

    /// <summary>The groups whose <c>outputs</c> list this item: "Produit par le groupe de travail …" on its page.</summary>
    public IReadOnlyList<WorkingGroup> ProducersOf(Guid itemKey) => [.. All.Where(g => g.Outputs.Contains(itemKey))];

    public IEnumerable<WorkingGroup> All => cache.All.Where(i => i.ContentType == ContentType).Select(Read);

    private WorkingGroup Read(PublishedContent item)
    {
        var data = item.Cultures.Values.First();
        return new WorkingGroup(
            item.Key,
            data.Name,
            cache.GetRoutes(item.Key).Select(r => r.Route).FirstOrDefault() ?? "/",
            String(data, "modality") ?? "",
            String(data, "status") ?? "",
            Number(data, "capacity"),
            Date(data, "periodStart"),
            Date(data, "periodEnd"),
            Sessions(data))
        {
            Participants = Keys(data, "participants"),
            Outputs = Keys(data, "outputs"),
        };
    }

    /// <summary>The keys of a content picker's published value: key strings (or objects with an <c>id</c>).</summary>
    private static List<Guid> Keys(PublishedCulture data, string alias)
    {
        var keys = new List<Guid>();
        if (data.GetProperty(alias) is not { } property)
        {
            return keys;
        }
        using var json = JsonDocument.Parse(property.Json);
        if (json.RootElement.ValueKind != JsonValueKind.Array)
        {
            return keys;
        }
        foreach (var item in json.RootElement.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()
                : item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) ? id.GetString() : null;
            if (Guid.TryParse(text, out var key))
            {
                keys.Add(key);
            }
        }
        return keys;
    }

    private static string? String(PublishedCulture data, string alias)
    {
        if (data.GetProperty(alias) is not { } property)
        {
            return null;
        }
        using var json = JsonDocument.Parse(property.Json);
        return json.RootElement.ValueKind switch
        {
            JsonValueKind.String => json.RootElement.GetString(),
            JsonValueKind.Array when json.RootElement.GetArrayLength() > 0 => json.RootElement[0].GetString(),
            _ => null,
        };
    }

    private static int? Number(PublishedCulture data, string alias)
    {
        if (data.GetProperty(alias) is not { } property)
        {
            return null;
        }
        using var json = JsonDocument.Parse(property.Json);
        return json.RootElement.ValueKind == JsonValueKind.Number && json.RootElement.TryGetInt32(out var value) ? value : null;
    }

    private static DateTimeOffset? Date(PublishedCulture data, string alias) =>
        String(data, alias) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static List<GroupSession> Sessions(PublishedCulture data)
    {
        var sessions = new List<GroupSession>();
        if (data.GetProperty("sessions") is not { } property)
        {
            return sessions;
        }
        using var json = JsonDocument.Parse(property.Json);
        if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("items", out var items))
        {
            return sessions;
        }
        foreach (var item in items.EnumerateArray())
        {
            if (!item.TryGetProperty("content", out var content) || !content.TryGetProperty("properties", out var properties))
            {
                continue;
            }
            string? Text(string name) => properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (Text("start") is not { } startText || !DateTimeOffset.TryParse(startText, System.Globalization.CultureInfo.InvariantCulture, out var start))
            {
                continue;
            }
            DateTimeOffset? end = Text("end") is { } endText && DateTimeOffset.TryParse(endText, System.Globalization.CultureInfo.InvariantCulture, out var e) ? e : null;
            var id = content.TryGetProperty("id", out var idValue) && Guid.TryParse(idValue.GetString(), out var key) ? key : Guid.Empty;
            sessions.Add(new GroupSession(id, start, end, Text("topic") ?? "", Text("place")));
        }
        return sessions;
    }
}
