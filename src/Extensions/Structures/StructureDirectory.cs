using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Search;

namespace PoleKnowledge.Extensions.Structures;

/// <summary>
/// The public directory of structures, read from the published cache (no database on the request path):
/// filters by category, legal form, commune, theme, offers and needs; text search through the hub's
/// <see cref="SearchEngine"/> (French analysis: stemming, synonyms, accents; best matches first), plus the
/// accent-insensitive scan of name, summary and description, which also answers while the index is first built;
/// and "who can help me" — structures that offer what another needs, the ones covering the most needs first.
/// </summary>
public sealed class StructureDirectory(PublishedContentCache cache, IServiceProvider services)
{
    /// <summary>The search engine's cap on hits read for one directory query (pages of <see cref="SearchRequest.MaxTake"/>).</summary>
    private const int MaxSearchHits = 1000;

    public const string ContentType = "structureProfile";

    public IReadOnlyList<StructureListing> All() =>
        cache.All.Where(i => i.ContentType == ContentType).Select(Read).OfType<StructureListing>().OrderBy(s => s.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreCase)).ToList();

    public StructureListing? Find(Guid key) => cache.Get(key) is { ContentType: ContentType } item ? Read(item) : null;

    public IReadOnlyList<StructureListing> Search(StructureDirectoryQuery query)
    {
        IEnumerable<StructureListing> result = All();
        static bool Any(IReadOnlyList<string> wanted, string value) => wanted.Count == 0 || wanted.Contains(value, StringComparer.Ordinal);
        static bool Overlaps(IReadOnlyList<string> wanted, IReadOnlyList<string> values) => wanted.Count == 0 || wanted.Any(values.Contains);
        result = result.Where(s => Any(query.Categories, s.Category) && Any(query.LegalForms, s.LegalForm) && Any(query.Communes, s.Commune)
            && Overlaps(query.Themes, s.Themes) && Overlaps(query.Offers, s.Offers) && Overlaps(query.Needs, s.Needs));
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // The engine's hits first, in its order of relevance, then what only the literal scan finds.
            var ranked = SearchKeys(query.Text);
            var words = Fold(query.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            result = result.Where(s => ranked.ContainsKey(s.Key) || words.All(w => s.SearchText.Contains(w, StringComparison.Ordinal)))
                .OrderBy(s => ranked.TryGetValue(s.Key, out var rank) ? rank : int.MaxValue);
        }
        if (query.HelpFor is { } key && Find(key) is { } asking)
        {
            var needs = asking.Needs;
            result = result.Where(s => s.Key != key && s.Offers.Any(needs.Contains)).OrderByDescending(s => s.Offers.Count(needs.Contains));
        }
        return result.ToList();
    }

    /// <summary>Structure profiles the search engine finds for the text, with their rank; empty when the host has no engine or its index is not built yet.</summary>
    private Dictionary<Guid, int> SearchKeys(string text)
    {
        var ranks = new Dictionary<Guid, int>();
        if (services.GetService<SearchEngine>() is not { } engine || !engine.IsKnownFacet("contentType"))
        {
            return ranks;
        }
        var filters = new Dictionary<string, IReadOnlyList<string>> { ["contentType"] = [ContentType] };
        try
        {
            for (var skip = 0; skip < MaxSearchHits; skip += SearchRequest.MaxTake)
            {
                var page = engine.Search(new SearchRequest { Query = text, Culture = "fr-FR", Filters = filters, Skip = skip, Take = SearchRequest.MaxTake, IncludeFacets = false });
                foreach (var hit in page.Hits)
                {
                    ranks.TryAdd(hit.Key, ranks.Count);
                }
                if (skip + SearchRequest.MaxTake >= page.Total)
                {
                    break;
                }
            }
        }
        catch (ContentIndexNotReadyException)
        {
            // The first index build is running: the literal scan answers alone meanwhile.
        }
        return ranks;
    }

    private StructureListing? Read(PublishedContent item)
    {
        if (item.Cultures.Values.FirstOrDefault() is not { } data)
        {
            return null;
        }
        string Text(string alias) => Strings(data, alias).FirstOrDefault() ?? "";
        var consent = data.GetProperty("contactConsent") is { } c && JsonDocument.Parse(c.Json).RootElement.ValueKind == JsonValueKind.True;
        var summary = Text("summary");
        var description = Text("description");
        return new StructureListing(
            item.Key, data.Name, cache.GetRoutes(item.Key).Select(r => r.Route).FirstOrDefault() ?? "/annuaire/",
            Text("category"), Text("legalForm"), Text("commune"), Strings(data, "themes"), Strings(data, "offers"), Strings(data, "needs"), Strings(data, "resourceKind"),
            summary, Fold($"{data.Name} {summary} {description}"),
            consent ? Text("contactName") : null, consent ? Text("contactEmail") : null, consent ? Text("contactPhone") : null);
    }

    /// <summary>String values of a property: a string, an array of strings, or a rendered Markdown object's markup.</summary>
    private static List<string> Strings(PublishedCulture data, string alias)
    {
        var values = new List<string>();
        if (data.GetProperty(alias) is not { } property)
        {
            return values;
        }
        using var json = JsonDocument.Parse(property.Json);
        switch (json.RootElement.ValueKind)
        {
            case JsonValueKind.String:
                values.Add(json.RootElement.GetString()!);
                break;
            case JsonValueKind.Array:
                values.AddRange(json.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                break;
            case JsonValueKind.Object when json.RootElement.TryGetProperty("markup", out var markup):
                values.Add(markup.GetString() ?? "");
                break;
        }
        return values;
    }

    /// <summary>Lower case without accents or punctuation, so « Économie » matches "economie".</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return builder.ToString();
    }
}
