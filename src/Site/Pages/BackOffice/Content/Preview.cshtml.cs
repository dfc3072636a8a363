using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Rendering;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Content;

/// <summary>
/// The draft as a reader would see it, in the public stylesheet: built with the Delivery API's draft builder
/// (the same publishing code, Markdown rendered and sanitised) and displayed with the public pages' property
/// display, so pickers, taxonomies and links look as they will once published.
/// </summary>
public sealed class ContentPreviewModel(ContentStore store, DeliveryDraftBuilder drafts, PublishedContentCache cache, PublishedMediaCache media, MarkdownRenderer markdown) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)] public Guid Key { get; set; }
    [BindProperty(SupportsGet = true)] public string Culture { get; set; } = "fr-FR";

    public string Name { get; private set; } = "";
    public DocumentType Type { get; private set; } = null!;
    public ContentSchema Schema => store.Schema;
    public int Version { get; private set; }
    public JsonElement Properties { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var item = await store.GetAsync(Key, HttpContext.RequestAborted);
        if (item is null || store.Schema.GetDocumentType(item.ContentType) is not { } type)
        {
            return NotFound();
        }
        Culture = store.Schema.IsKnownCulture(Culture) ? store.Schema.Cultures.First(c => string.Equals(c, Culture, StringComparison.OrdinalIgnoreCase)) : store.Schema.DefaultCulture;
        Type = type;
        Version = item.Version;
        var published = drafts.Build(item);
        // Invariant types and untranslated items are shown in the default culture, as the public site would.
        var culture = !type.VariesByCulture || !item.Data.Names.ContainsKey(Culture) ? store.Schema.DefaultCulture : Culture;
        if (published?.ForCulture(culture) is not { } data)
        {
            Name = item.Data.Names.Values.FirstOrDefault() ?? "";
            Properties = JsonDocument.Parse("{}").RootElement;
            return Page();
        }
        Name = data.Name;
        JsonDocument json;
        try
        {
            json = DeliveryContentWriter.ToDocument(cache, store.Schema, published, culture, media);
        }
        catch (InvalidOperationException)
        {
            // A draft the writer cannot place (no route in that culture yet): show its name, not an error page.
            Properties = JsonDocument.Parse("{}").RootElement;
            return Page();
        }
        HttpContext.Response.RegisterForDispose(json);
        Properties = json.RootElement.GetProperty("properties");
        return Page();
    }

    /// <summary>Live preview of a Markdown field (the editor's script posts the text; the answer is sanitised HTML).</summary>
    public IActionResult OnPostMarkdown(string? text) =>
        Content(markdown.Render((text ?? "").Length > 200_000 ? text![..200_000] : text ?? ""), "text/html; charset=utf-8");
}
