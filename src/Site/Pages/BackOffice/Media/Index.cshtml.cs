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
    /// <summary>The current folder (null at the root).</summary>
    public MediaItem? Current { get; private set; }
    /// <summary>Where the current folder may move: the root and every folder outside its own subtree, as an indented tree.</summary>
    public IReadOnlyList<(Guid Key, string Label)> MoveTargets { get; private set; } = [];
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? TargetFolder { get; set; }
    public long MaxMegabytes => options.Value.MaxUploadBytes / 1024 / 1024;

    public string Size(long? bytes) => bytes switch
    {
        null => "",
        < 1024 * 1024 => $"{bytes / 1024.0:0} Ko",
        _ => string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{bytes / 1024.0 / 1024.0:0.0} Mo"),
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        NewName = Current?.Name;
        TargetFolder = Current?.ParentKey?.ToString("D") ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostFolderAsync(string? folderName)
    {
        var outcome = await media.CreateFolderAsync(new MediaWrite { Name = folderName, ParentKey = Folder }, Actor, HttpContext.RequestAborted);
        if (outcome.Succeeded) { Flash = "Dossier créé."; } else { FlashError = MediaMessages.Of(outcome); }
        return RedirectToPage(new { folder = Folder });
    }

    /// <summary>Renames and/or moves the current folder (editors and administrators): no cycle, name unique among its new siblings, audited.</summary>
    public async Task<IActionResult> OnPostFolderUpdateAsync(int? revision)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        if (Folder is null || !await LoadAsync())
        {
            return NotFound();
        }
        // An empty choice is the root (the binder turns "" into null: read the form as posted).
        TargetFolder = Request.Form["TargetFolder"].ToString();
        Guid? target = null;
        if (!string.IsNullOrEmpty(TargetFolder))
        {
            if (!Guid.TryParse(TargetFolder, out var parsed))
            {
                Errors["targetFolder"] = "Choisissez un dossier de destination dans la liste.";
            }
            target = parsed;
        }
        if (string.IsNullOrWhiteSpace(NewName) || NewName.Trim().Length > 200)
        {
            Errors["newName"] = "Donnez un nom de 1 à 200 caractères.";
        }
        if (Errors.Count == 0)
        {
            var outcome = await media.UpdateAsync(Folder.Value, new MediaWrite { Name = NewName, ParentKey = target, Move = true, Revision = revision }, Actor, HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                Flash = "Dossier enregistré.";
                return RedirectToPage(new { folder = Folder });
            }
            if (outcome.Status == MediaStatus.Conflict)
            {
                FlashError = MediaMessages.Of(outcome);
                Response.StatusCode = StatusCodes.Status409Conflict;
                await LoadAsync();
                return Page();
            }
            foreach (var error in outcome.Errors)
            {
                if (error.Field == "name")
                {
                    Errors["newName"] = error.Message == MediaStore.DuplicateFolderName ? "Un dossier porte déjà ce nom à cet endroit." : "Ce nom n'est pas accepté (1 à 200 caractères, sans « / »).";
                }
                else if (error.Field == "parentKey")
                {
                    Errors["targetFolder"] = error.Message.Contains("into itself", StringComparison.Ordinal)
                        ? "Un dossier ne peut pas aller dans lui-même ni dans un de ses sous-dossiers."
                        : "Ce dossier de destination n'existe pas.";
                }
                else
                {
                    Errors["newName"] = MediaMessages.Of(outcome);
                }
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
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
            Current = item;
            MoveTargets = MoveTargetsFor(await media.ListFoldersAsync(HttpContext.RequestAborted), item.Key);
        }
        Items = await media.GetChildrenAsync(Folder, HttpContext.RequestAborted);
        return true;
    }

    /// <summary>The folder tree depth-first by name, without <paramref name="moving"/> and its subtree, labels indented by depth.</summary>
    private static List<(Guid Key, string Label)> MoveTargetsFor(IReadOnlyList<(Guid Key, Guid? ParentKey, string Name)> folders, Guid moving)
    {
        var byParent = folders.Where(f => f.Key != moving).ToLookup(f => f.ParentKey);
        var result = new List<(Guid, string)>();
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);
        void Walk(Guid? parent, int depth)
        {
            foreach (var folder in byParent[parent].OrderBy(f => f.Name, comparer))
            {
                result.Add((folder.Key, new string('\u00A0', depth * 3) + folder.Name));
                if (depth < 30)
                {
                    Walk(folder.Key, depth + 1);
                }
            }
        }
        Walk(null, 0);
        return result;
    }
}
