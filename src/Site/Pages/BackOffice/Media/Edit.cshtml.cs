using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Media;

/// <summary>One media item: its properties (alternative text…), focal point and crops, extracted text, usages, and delete.</summary>
public sealed class MediaEditModel(MediaStore media, ContentStore content, Microsoft.Extensions.Options.IOptions<MediaOptions> mediaOptions, MediaUrlSigner signer) : BackOfficePageModel
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

    /// <summary>The configured crops with this image's coordinates as typed or stored ("" when the crop follows the focal point).</summary>
    public IReadOnlyList<(ImageCropDefinition Crop, string[] Coordinates)> CropRows { get; private set; } = [];

    private static readonly string[] Sides = ["x1", "y1", "x2", "y2"];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>A signed preview URL of a crop: its coordinates when set, else the focal point, 240 px wide.</summary>
    public string CropPreview(ImageCropDefinition crop, string[] coordinates)
    {
        var height = Math.Max(1, 240 * crop.Height / Math.Max(1, crop.Width));
        var query = coordinates.All(c => c.Length > 0)
            ? $"crop={string.Join(',', coordinates)}&cropmode=percentage&width=240&height={height}"
            : $"width=240&height={height}&rmode=crop&rxy={FocalLeft},{FocalTop}";
        return signer.SignUrl($"{Item.Url}?{query}");
    }

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
        if (isImage && mediaOptions.Value.Crops.Count > 0)
        {
            write = new MediaWrite
            {
                Name = write.Name, Properties = write.Properties, Revision = write.Revision, HasFocalPoint = write.HasFocalPoint, FocalPoint = write.FocalPoint,
                HasCrops = true, Crops = ReadCrops(),
            };
        }
        if (Errors.Count > 0)
        {
            foreach (var (alias, value) in properties)
            {
                Values[alias] = value?.ToString() ?? "";
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
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

    /// <summary>
    /// The posted crops (<c>crop.{alias}.x1</c>…): four shares from 0 to 1 cut from the left, top, right and bottom,
    /// or none (the crop centres on the focal point). Errors go next to each crop; the rows keep what was typed.
    /// </summary>
    private JsonArray ReadCrops()
    {
        var result = new JsonArray();
        var rows = new List<(ImageCropDefinition, string[])>();
        foreach (var crop in mediaOptions.Value.Crops)
        {
            var typed = Sides.Select(side => Request.Form[$"crop.{crop.Alias}.{side}"].ToString().Trim().Replace(',', '.')).ToArray();
            rows.Add((crop, typed));
            JsonObject? coordinates = null;
            if (typed.Any(t => t.Length > 0))
            {
                var values = typed.Select(t => decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v is >= 0 and < 1 ? v : (decimal?)null).ToArray();
                if (values.Any(v => v is null) || values[0] + values[2] >= 0.99m || values[1] + values[3] >= 0.99m)
                {
                    Errors["crop-" + crop.Alias] = "Saisissez les quatre marges (de 0 à 1, part coupée à gauche, en haut, à droite, en bas) en laissant une partie de l'image, ou aucune pour centrer sur le point focal.";
                    continue;
                }
                coordinates = new JsonObject { ["x1"] = values[0], ["y1"] = values[1], ["x2"] = values[2], ["y2"] = values[3] };
            }
            result.Add(new JsonObject { ["alias"] = crop.Alias, ["width"] = crop.Width, ["height"] = crop.Height, ["coordinates"] = coordinates });
        }
        CropRows = rows;
        return result;
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
        CropRows = [.. mediaOptions.Value.Crops.Select(crop => (crop, StoredCoordinates(item.Crops, crop.Alias)))];
        Text = item.HasText ? await media.GetTextAsync(Key, HttpContext.RequestAborted) : null;
        UsedBy = await content.FindReferencesAsync(Key, HttpContext.RequestAborted);
        return true;
    }

    private static string[] StoredCoordinates(string? crops, string alias)
    {
        if (crops is { Length: > 0 } && JsonNode.Parse(crops) is JsonArray array
            && array.OfType<JsonObject>().FirstOrDefault(c => c["alias"]?.ToString() == alias)?["coordinates"] is JsonObject coordinates)
        {
            return [.. Sides.Select(side => coordinates[side]?.ToJsonString() ?? "")];
        }
        return ["", "", "", ""];
    }
}
