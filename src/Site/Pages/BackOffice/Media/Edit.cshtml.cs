using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Media;

/// <summary>One media item: its properties (alternative text…), focal point, extracted text, usages, and delete.</summary>
public sealed class MediaEditModel(MediaStore media, ContentStore content) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)] public Guid Key { get; set; }

    public MediaItem Item { get; private set; } = null!;
    public IReadOnlyList<PropertyType> PropertyTypes { get; private set; } = [];
    public Dictionary<string, string> Values { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Text { get; private set; }
    public IReadOnlyList<(Guid Key, string Name)> UsedBy { get; private set; } = [];
    public string FocalLeft => (Item.FocalLeft ?? 0.5m).ToString("0.###", CultureInfo.InvariantCulture);
    public string FocalTop => (Item.FocalTop ?? 0.5m).ToString("0.###", CultureInfo.InvariantCulture);
    public string FocalLeftPercent => ((Item.FocalLeft ?? 0.5m) * 100).ToString("0.#", CultureInfo.InvariantCulture);
    public string FocalTopPercent => ((Item.FocalTop ?? 0.5m) * 100).ToString("0.#", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(string? name, string? focalLeft, string? focalTop, int? revision)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var properties = PropertyTypes.ToDictionary(p => p.Alias, p => Request.Form["p." + p.Alias].ToString() is { Length: > 0 } v ? (JsonNode?)JsonValue.Create(v.Trim()) : null);
        var isImage = Item.MediaType == MediaStore.ImageType;
        var write = new MediaWrite
        {
            Name = name,
            Properties = properties,
            Revision = revision,
            HasFocalPoint = isImage && (focalLeft is { Length: > 0 } || focalTop is { Length: > 0 }),
            FocalPoint = isImage ? JsonValue.Create($"{(focalLeft ?? "0.5").Replace(',', '.')},{(focalTop ?? "0.5").Replace(',', '.')}") : null,
        };
        var outcome = await media.UpdateAsync(Key, write, Actor, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Flash = "Média enregistré.";
            return RedirectToPage(new { key = Key });
        }
        foreach (var error in outcome.Errors)
        {
            Errors[error.Field] = Errors.TryGetValue(error.Field, out var e) ? e + " " + error.Message : error.Message;
        }
        if (outcome.Errors.Count == 0)
        {
            FlashError = MediaMessages.Of(outcome);
        }
        foreach (var (alias, value) in properties)
        {
            Values[alias] = value?.ToString() ?? "";
        }
        Response.StatusCode = outcome.Status == MediaStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (UsedBy.Count > 0 && !confirm)
        {
            FlashError = "Ce média est utilisé : cochez la confirmation pour le supprimer quand même.";
            return RedirectToPage(new { key = Key });
        }
        var outcome = await media.DeleteAsync(Key, Actor, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            FlashError = MediaMessages.Of(outcome);
            return RedirectToPage(new { key = Key });
        }
        Flash = $"« {Item.Name} » supprimé.";
        return Redirect(Item.ParentKey is { } parent ? $"/backoffice/medias?folder={parent}" : "/backoffice/medias");
    }

    private async Task<bool> LoadAsync()
    {
        var item = await media.GetAsync(Key, HttpContext.RequestAborted);
        if (item is null || item.IsFolder)
        {
            return false;
        }
        Item = item;
        PropertyTypes = content.Schema.GetMediaType(item.MediaType)?.Properties ?? [];
        using (var json = JsonDocument.Parse(item.Properties))
        {
            Values = json.RootElement.ValueKind == JsonValueKind.Object
                ? json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
                : [];
        }
        Text = item.HasText ? await media.GetTextAsync(Key, HttpContext.RequestAborted) : null;
        UsedBy = await content.FindReferencesAsync(Key, HttpContext.RequestAborted);
        return true;
    }
}
