using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Rendering;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Content;

/// <summary>
/// The draft as a reader would see it, in the public stylesheet. Markdown goes through the same sanitising
/// renderer as publishing, so a script typed into a field is shown inert here too.
/// </summary>
public sealed class ContentPreviewModel(ContentStore store, MarkdownRenderer markdown) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)] public Guid Key { get; set; }
    [BindProperty(SupportsGet = true)] public string Culture { get; set; } = "fr-FR";

    public string Name { get; private set; } = "";
    public string TypeName { get; private set; } = "";
    public int Version { get; private set; }
    public List<(string Label, string? Html, string Text)> Properties { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var item = await store.GetAsync(Key, HttpContext.RequestAborted);
        if (item is null || store.Schema.GetDocumentType(item.ContentType) is not { } type)
        {
            return NotFound();
        }
        Culture = store.Schema.IsKnownCulture(Culture) ? store.Schema.Cultures.First(c => string.Equals(c, Culture, StringComparison.OrdinalIgnoreCase)) : store.Schema.DefaultCulture;
        var culture = type.VariesByCulture ? Culture : "";
        Name = item.Data.Names.GetValueOrDefault(culture) ?? item.Data.Names.Values.FirstOrDefault() ?? "";
        TypeName = type.Name;
        Version = item.Version;
        var values = ContentFormBinder.ValuesFor(type, item.Data, culture);
        foreach (var property in type.Properties)
        {
            if (values[property.Alias] is not { } value)
            {
                continue;
            }
            if (property.EditorAlias == "Umbraco.MarkdownEditor" && value is JsonValue v && v.TryGetValue<string>(out var md))
            {
                Properties.Add((property.Name, markdown.Render(md), ""));
            }
            else
            {
                Properties.Add((property.Name, null, value is JsonValue s && s.TryGetValue<string>(out var text) ? text : value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
            }
        }
        return Page();
    }

    /// <summary>Live preview of a Markdown field (the editor's script posts the text; the answer is sanitised HTML).</summary>
    public IActionResult OnPostMarkdown(string? text) =>
        Content(markdown.Render((text ?? "").Length > 200_000 ? text![..200_000] : text ?? ""), "text/html; charset=utf-8");
}
