using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Search;
using PoleKnowledge.Cms.Search.Facets;
using PoleKnowledge.Site.Search;

namespace PoleKnowledge.Site.Pages;

/// <summary>
/// <c>/recherche?q=…</c>: results with snippets, facets as links that add or remove a filter, sort, paging and
/// "did you mean". Everything works without JavaScript (plain GET links and one form); the type-ahead
/// script only enhances the search box. Bad parameters show a message, never an error page.
/// </summary>
public sealed class RechercheModel(SearchEngine engine, ContentSchemaHolder schema) : PageModel
{
    public const int PageSize = 10;

    public string Query { get; private set; } = "";
    public string Culture { get; private set; } = "fr-FR";
    public SearchResult? Result { get; private set; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public SearchSort Sort { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool NotReady { get; private set; }
    public IReadOnlyList<SearchFacetDefinition> Facets => engine.Facets;

    public bool English => Culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public string T(string french, string english) => English ? english : french;

    public IActionResult OnGet()
    {
        Query = Request.Query["q"].ToString();
        var page = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 1000 ? p : 1;
        PageNumber = page;
        var request = SearchQueryString.Read(Request.Query, engine, schema.Schema, null, out var errors);
        Culture = request?.Culture ?? schema.Schema.DefaultCulture;
        ViewData["Culture"] = Culture;
        ViewData["Title"] = Query.Length > 0 ? T($"Recherche : {Shorten(Query)}", $"Search: {Shorten(Query)}") : T("Recherche", "Search");
        ViewData["SearchQuery"] = Query;
        if (request is null)
        {
            Problems = [.. errors.SelectMany(e => e.Value.Select(v => $"{e.Key} : {v}"))];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Filters = request.Filters;
        Sort = request.Sort;
        try
        {
            Result = engine.Search(request with { Skip = (page - 1) * PageSize, Take = PageSize });
        }
        catch (ContentIndexNotReadyException)
        {
            NotReady = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "5";
        }
        return Page();
    }

    public bool IsActive(string facet, string value) => Filters.TryGetValue(facet, out var values) && values.Contains(value);

    /// <summary>This page's URL with a change: the query, the filters (one value toggled), the sort, the page.</summary>
    public string Link(string? query = null, (string Facet, string Value)? toggle = null, SearchSort? sort = null, int page = 1, bool clearFilters = false)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        var q = query ?? Query;
        if (q.Length > 0)
        {
            parts.Add(new("q", q));
        }
        var filters = clearFilters ? [] : Filters.ToDictionary(f => f.Key, f => f.Value.ToList());
        if (toggle is { } t)
        {
            var values = filters.TryGetValue(t.Facet, out var list) ? list : filters[t.Facet] = [];
            if (!values.Remove(t.Value))
            {
                values.Add(t.Value);
            }
        }
        foreach (var (facet, values) in filters)
        {
            foreach (var value in values)
            {
                parts.Add(new("filter", facet + ":" + value));
            }
        }
        if ((sort ?? Sort) == SearchSort.Date)
        {
            parts.Add(new("sort", "date"));
        }
        if (!Culture.Equals(schema.Schema.DefaultCulture, StringComparison.OrdinalIgnoreCase))
        {
            parts.Add(new("culture", Culture));
        }
        if (page > 1)
        {
            parts.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return "/recherche" + Microsoft.AspNetCore.Http.QueryString.Create(parts).ToUriComponent();
    }

    public string FacetTitle(string name) => name switch
    {
        "contentType" => T("Type de contenu", "Content type"),
        "resourceType" => T("Type de ressource", "Resource type"),
        "theme" => T("Thématique", "Theme"),
        "mission" => T("Mission du pôle", "Mission"),
        "audience" => T("Public", "Audience"),
        "year" => T("Année", "Year"),
        "commune" => T("Commune", "Town"),
        "legalForm" => T("Forme juridique", "Legal form"),
        _ => name,
    };

    public string LabelOf(string facet, string value) =>
        engine.Facets.FirstOrDefault(f => f.Name == facet)?.Label(value, Culture) ?? value;

    public string PublicUrl(string route) => PropertyDisplay.PublicUrl(route, Culture);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
