using System.Globalization;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Cms.Search;

namespace PoleKnowledge.Site.Search;

/// <summary>
/// Reads a search from a query string (<c>q</c>, repeated <c>filter=facet:value[,value]</c>, <c>sort</c>,
/// <c>skip</c>, <c>take</c>, <c>culture</c>), shared by the API and the results page. Problems name their
/// parameter, for a 400 ValidationProblem; the query text itself is never a problem.
/// </summary>
internal static class SearchQueryString
{
    public static SearchRequest? Read(IQueryCollection query, SearchEngine engine, ContentSchema schema, string? defaultCulture, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var culture = query["culture"].ToString() is { Length: > 0 } requested ? requested : defaultCulture ?? schema.DefaultCulture;
        var known = schema.Cultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            errors["culture"] = [$"Unknown culture; expected one of {string.Join(", ", schema.Cultures)}."];
        }
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var filter in query["filter"])
        {
            if (string.IsNullOrWhiteSpace(filter))
            {
                continue;
            }
            var colon = filter.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? filter[..colon].Trim() : "";
            if (colon <= 0 || !engine.IsKnownFacet(name))
            {
                errors["filter"] = [$"Unknown facet in '{Shorten(filter)}'; expected facet:value with a facet among {string.Join(", ", engine.Facets.Select(f => f.Name))}."];
                continue;
            }
            var values = filter[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant());
            filters[name] = [.. (filters.GetValueOrDefault(name) ?? []).Concat(values).Distinct(StringComparer.Ordinal)];
        }
        var sort = SearchSort.Relevance;
        switch (query["sort"].ToString().ToLowerInvariant())
        {
            case "" or "relevance" or "score" or "score:desc":
                break;
            case "date" or "date:desc":
                sort = SearchSort.Date;
                break;
            default:
                errors["sort"] = ["Expected 'relevance' or 'date'."];
                break;
        }
        var skip = ReadInt(query, "skip", 0, SearchRequest.MaxSkip, 0, errors);
        var take = ReadInt(query, "take", 0, SearchRequest.MaxTake, 10, errors);
        if (errors.Count > 0)
        {
            return null;
        }
        return new SearchRequest { Query = query["q"].ToString(), Culture = known!, Filters = filters, Sort = sort, Skip = skip, Take = take };
    }

    private static int ReadInt(IQueryCollection query, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[name] = [$"Expected a whole number from {min} to {max}."];
            return fallback;
        }
        return value;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
