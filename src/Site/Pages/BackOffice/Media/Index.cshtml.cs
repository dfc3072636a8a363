using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Media;

/// <summary>
/// The media library: folders, and upload of several files at once. Each file is checked by the media store
/// (type from its bytes, size, pixels); an image without alternative text is refused with the reason next
/// to the field while the other files of the same upload go in.
/// </summary>
public sealed class MediaLibraryModel(MediaStore media, IOptions<MediaOptions> options) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Folder { get; set; }
    [BindProperty] public string? AltText { get; set; }

    public string? FolderName { get; private set; }
    public IReadOnlyList<(Guid Key, string Name)> Ancestors { get; private set; } = [];
    public IReadOnlyList<MediaItem> Items { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public long MaxMegabytes => options.Value.MaxUploadBytes / 1024 / 1024;

    public string Size(long? bytes) => bytes switch
    {
        null => "",
        < 1024 * 1024 => $"{bytes / 1024.0:0} Ko",
        _ => string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{bytes / 1024.0 / 1024.0:0.0} Mo"),
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostFolderAsync(string? folderName)
    {
        var outcome = await media.CreateFolderAsync(new MediaWrite { Name = folderName, ParentKey = Folder }, Actor, HttpContext.RequestAborted);
        if (outcome.Succeeded) { Flash = "Dossier créé."; } else { FlashError = MediaMessages.Of(outcome); }
        return RedirectToPage(new { folder = Folder });
    }

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile>? files)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (files is not { Count: > 0 })
        {
            Errors["files"] = "Choisissez au moins un fichier.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var added = new List<string>();
        var refused = new List<string>();
        var status = StatusCodes.Status422UnprocessableEntity;
        foreach (var file in files)
        {
            if (file.Length > options.Value.MaxUploadBytes)
            {
                refused.Add($"« {file.FileName} » dépasse {MaxMegabytes} Mo.");
                status = StatusCodes.Status413PayloadTooLarge;
                continue;
            }
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, HttpContext.RequestAborted);
            }
            var properties = new Dictionary<string, JsonNode?>();
            // The text is the images' alternative: documents have no such property (the store would refuse it).
            if (!string.IsNullOrWhiteSpace(AltText) && MediaSniffer.Sniff(content) is { IsImage: true })
            {
                properties["altText"] = JsonValue.Create(AltText.Trim());
            }
            var outcome = await media.CreateAsync(new MediaWrite { Content = content, FileName = Path.GetFileName(file.FileName), ParentKey = Folder, Properties = properties }, Actor, HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                added.Add(outcome.Item!.Name);
                continue;
            }
            if (outcome.Errors.Any(e => e.Field == "altText"))
            {
                Errors["altText"] = $"« {file.FileName} » est une image : le texte alternatif est obligatoire.";
                continue;
            }
            if (outcome.Status == MediaStatus.TooLarge)
            {
                status = StatusCodes.Status413PayloadTooLarge;
            }
            else if (outcome.Status == MediaStatus.UnsupportedType)
            {
                status = StatusCodes.Status415UnsupportedMediaType;
            }
            refused.Add($"« {file.FileName} » : {MediaMessages.Of(outcome)}");
        }
        if (refused.Count == 0 && !Errors.ContainsKey("altText"))
        {
            Flash = added.Count == 1 ? $"« {added[0]} » ajouté." : $"{added.Count} fichiers ajoutés.";
            return RedirectToPage(new { folder = Folder });
        }
        if (refused.Count > 0)
        {
            Errors["files"] = string.Join(" ", refused);
        }
        if (added.Count > 0)
        {
            Flash = $"Ajouté(s) : {string.Join(", ", added)}.";
        }
        Items = await media.GetChildrenAsync(Folder, HttpContext.RequestAborted);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (Folder is { } folder)
        {
            var item = await media.GetAsync(folder, HttpContext.RequestAborted);
            if (item is null || !item.IsFolder)
            {
                return false;
            }
            FolderName = item.Name;
            var chain = new List<(Guid, string)> { (item.Key, item.Name) };
            for (var parent = item.ParentKey; parent is { } p && chain.Count < 32;)
            {
                var ancestor = await media.GetAsync(p, HttpContext.RequestAborted);
                if (ancestor is null)
                {
                    break;
                }
                chain.Insert(0, (ancestor.Key, ancestor.Name));
                parent = ancestor.ParentKey;
            }
            Ancestors = chain;
        }
        Items = await media.GetChildrenAsync(Folder, HttpContext.RequestAborted);
        return true;
    }
}
