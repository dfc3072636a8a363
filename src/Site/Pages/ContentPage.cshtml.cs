using PoleKnowledge.Cms.Persistence.Store;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Site.Pages;

/// <summary>
/// Every public content route (<c>/ressources/guide-agenda-21/</c>, and under <c>/en/</c> in English),
/// served from the published cache only: no database command unless the route is unknown (then a
/// retired route may redirect).
/// </summary>
public sealed class ContentPageModel(PublishedContentCache cache, ContentSchemaHolder schemaHolder, ContentStore store, PublishedMediaCache media) : PageModel
{
    public const int PageSize = 20;

    public ContentSchema Schema { get; } = schemaHolder.Schema;
    public PublishedContent Item { get; private set; } = null!;
    public PublishedCulture Data { get; private set; } = null!;
    public DocumentType? Type { get; private set; }
    public string Culture { get; private set; } = "fr-FR";
    public JsonDocument Json { get; private set; } = null!;
    public IReadOnlyList<PublishedContent> Children { get; private set; } = [];
    public int ChildCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<PublishedContent> Breadcrumbs { get; private set; } = [];
    public PublishedContentCache Cache => cache;

    public JsonElement Properties => Json.RootElement.GetProperty("properties");

    public async Task<IActionResult> OnGetAsync(string? route, int? page)
    {
        var path = route ?? "";
        Culture = Schema.DefaultCulture;
        var english = Schema.Cultures.FirstOrDefault(c => c.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        if (english is not null && (path == "en" || path.StartsWith("en/", StringComparison.Ordinal)))
        {
            Culture = english;
            path = path.Length > 2 ? path[3..] : "";
        }
        var item = cache.GetByRoute(path, Culture);
        if (item is null)
        {
            var normalised = "/" + path.Trim('/') + (path.Trim('/').Length > 0 ? "/" : "");
            if (await store.FindRedirectAsync(normalised.ToLowerInvariant(), Culture == Schema.DefaultCulture ? Culture : Culture, HttpContext.RequestAborted) is { } target
                && cache.GetRoute(target, Culture) is { } newRoute)
            {
                return RedirectPermanent(PropertyDisplay.PublicUrl(newRoute, Culture));
            }
            return NotFoundPage();
        }
        if (!Request.Path.Value!.EndsWith('/'))
        {
            return RedirectPermanent(Request.Path.Value + "/" + Request.QueryString);
        }
        Item = item;
        Data = item.ForCulture(Culture)!;
        Type = Schema.GetDocumentType(item.ContentType);
        Json = DeliveryContentWriter.ToDocument(cache, Schema, item, Culture, media);
        HttpContext.Response.RegisterForDispose(Json);
        Breadcrumbs = cache.AncestorsOf(item).Reverse().ToList();
        var children = cache.RoutableChildrenOf(item.Key, Culture);
        ChildCount = cache.CountRoutableChildren(item.Key, Culture);
        PageNumber = Math.Clamp(page ?? 1, 1, Math.Max(1, (ChildCount + PageSize - 1) / PageSize));
        Children = children.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        ViewData["Title"] = Data.Name;
        ViewData["Culture"] = Culture;
        ViewData["Item"] = item;
        return Page();
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        ViewData["Title"] = Culture.StartsWith("en", StringComparison.Ordinal) ? "Page not found" : "Page introuvable";
        ViewData["Culture"] = Culture;
        ViewData["NotFound"] = true;
        return Page();
    }

    public bool IsNotFound => ViewData["NotFound"] is true;

    public string LinkTo(PublishedContent item) => cache.GetRoute(item.Key, Culture) is { } route ? PropertyDisplay.PublicUrl(route, Culture) : "#";

    /// <summary>A short text for a child in a listing: its summary, if it has one.</summary>
    public string? SummaryOf(PublishedContent child)
    {
        var property = child.ForCulture(Culture)?.GetProperty("summary");
        if (property is null || property.Json.Length < 3)
        {
            return null;
        }
        using var document = JsonDocument.Parse(property.Json);
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
    }

    public string TypeName(PublishedContent child) => Schema.GetDocumentType(child.ContentType)?.Name ?? child.ContentType;

    public string T(string french, string english) => Culture.StartsWith("en", StringComparison.Ordinal) ? english : french;
}
