using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Content;

/// <summary>
/// The edit screen of an item: the generated form for one culture and every action on the item. Each
/// handler checks the role itself (a writer's crafted "publish" post is refused here, not by hiding a
/// button) and calls the same store operations as the management API.
/// </summary>
public sealed class ContentEditModel(ContentStore store, ContentFormBinder binder, ReviewNotifier reviews, EditorClock clock) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)] public Guid Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Culture { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? ReviewMessage { get; set; }

    public EditorClock Clock => clock;
    public ContentItemView Item { get; private set; } = null!;
    public DocumentType Type { get; private set; } = null!;
    public IReadOnlyList<PropertyField> Fields { get; private set; } = [];
    public IReadOnlyList<(Guid Key, string Name)> Ancestors { get; private set; } = [];
    public IReadOnlyList<string> Cultures => Type.VariesByCulture ? store.Schema.Cultures : [store.Schema.DefaultCulture];
    public string EditCulture => Type.VariesByCulture ? Culture! : "";
    public string? NameError { get; private set; }
    public string? ScheduleError { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<(Guid Key, string Name, string ContentType)> MoveTargets { get; private set; } = [];

    public string ItemName(string culture) => Item.Data.Names.GetValueOrDefault(Type.VariesByCulture ? culture : "") ?? "";

    public PublishedCultureState? PublishedIn(string culture) => Item.Published.GetValueOrDefault(Type.VariesByCulture ? culture : "");

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Name = ItemName(Culture!);
        Revision = Item.Revision;
        Fields = await binder.BuildAsync(Type, ContentFormBinder.ValuesFor(Type, Item.Data, EditCulture), Culture!, null, HttpContext.RequestAborted);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(publish: false, "Brouillon enregistré.", unchangedMessage: "Aucune modification à enregistrer.");

    /// <summary>
    /// The autosave of <c>js/backoffice.js</c> (every ~30 s when the form changed and is valid): saves the draft
    /// exactly as "Enregistrer le brouillon" does, with the revision check, and answers JSON — 200 with the new
    /// revision, 409 on a conflict (nothing overwritten: the message is the one a manual save shows), 422 when invalid.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var parseErrors = new List<(string Field, string Message)>();
        var values = binder.Read(Type, Request.Form, ContentFormBinder.ValuesFor(Type, Item.Data, EditCulture), Culture!, parseErrors);
        if (parseErrors.Count > 0)
        {
            return new JsonResult(new { saved = false, message = "Brouillon non enregistré automatiquement : corrigez les champs signalés puis enregistrez.", errors = parseErrors.ToDictionary(e => e.Field, e => e.Message) })
            { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        var outcome = await store.SaveAsync(new ContentWrite
        {
            Key = Key,
            ContentType = Item.ContentType,
            Name = Name ?? "",
            Culture = Type.VariesByCulture ? Culture : null,
            Values = values,
            ExpectedRevision = Revision,
            Publish = false,
            ReplaceValues = true,
        }, Actor, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            var status = outcome.Status == ContentStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return new JsonResult(new
            {
                saved = false,
                conflict = status == StatusCodes.Status409Conflict,
                message = status == StatusCodes.Status409Conflict ? ContentMessages.Of(outcome) : "Brouillon non enregistré automatiquement : corrigez les champs signalés puis enregistrez.",
                errors = outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message))),
            })
            { StatusCode = status };
        }
        var time = clock.ToLocal(clock.UtcNow).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonResult(new
        {
            saved = !outcome.Unchanged,
            revision = outcome.Item?.Revision ?? Revision,
            time,
            message = outcome.Unchanged ? "Aucune modification à enregistrer." : $"Brouillon enregistré à {time}",
        });
    }

    public async Task<IActionResult> OnPostPublishAsync() => CanPublish ? await SaveAsync(publish: true, "Publié.") : Forbidden();

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        var result = await SaveAsync(publish: false, "Envoyé en relecture : les éditeur·rice·s ont été prévenu·e·s par e-mail.");
        if (result is RedirectResult && Item is not null)
        {
            var url = $"{Request.Scheme}://{Request.Host}/backoffice/contenu/{Key}/modifier?culture={Culture}";
            await reviews.RequestAsync(Key, Name ?? "", Culture!, Actor, ReviewMessage?.Trim() is { Length: > 0 } m ? m[..Math.Min(m.Length, 500)] : null, url, HttpContext.RequestAborted);
        }
        return result;
    }

    public async Task<IActionResult> OnPostUnpublishAsync()
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var outcome = await store.UnpublishAsync(Key, Type.VariesByCulture ? [Culture!] : null, Actor, HttpContext.RequestAborted);
        return Done(outcome, "Dépublié : la page n'est plus visible sur le site.");
    }

    public async Task<IActionResult> OnPostScheduleAsync(string? publishAt, string? unpublishAt)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        if (!await LoadAsync())
        {
            return NotFound();
        }
        DateTime? publish = null, unpublish = null;
        if (!string.IsNullOrWhiteSpace(publishAt) && (publish = clock.ParseLocal(publishAt)) is null
            || !string.IsNullOrWhiteSpace(unpublishAt) && (unpublish = clock.ParseLocal(unpublishAt)) is null)
        {
            ScheduleError = "Date invalide : utilisez le format jj/mm/aaaa hh:mm.";
        }
        else if (publish is null && unpublish is null)
        {
            ScheduleError = "Indiquez une date de publication et/ou de dépublication.";
        }
        else if (publish <= clock.UtcNow || unpublish <= clock.UtcNow)
        {
            ScheduleError = $"La date doit être dans le futur (il est {clock.FormatShort(clock.UtcNow)}, {clock.ZoneLabel}).";
        }
        else if (publish is not null && unpublish is not null && unpublish <= publish)
        {
            ScheduleError = "La dépublication doit venir après la publication.";
        }
        if (ScheduleError is not null)
        {
            return await RedisplayAsync();
        }
        var culture = Type.VariesByCulture ? Culture : null;
        ContentOutcome outcome = new() { Status = ContentStatus.Ok };
        if (publish is { } p)
        {
            outcome = await store.ScheduleAsync(Key, culture, ContentStore.SchedulePublish, new DateTimeOffset(p, TimeSpan.Zero), Actor, HttpContext.RequestAborted);
        }
        if (outcome.Succeeded && unpublish is { } u)
        {
            outcome = await store.ScheduleAsync(Key, culture, ContentStore.ScheduleUnpublish, new DateTimeOffset(u, TimeSpan.Zero), Actor, HttpContext.RequestAborted);
        }
        return Done(outcome, "Programmation enregistrée.");
    }

    public async Task<IActionResult> OnPostCancelScheduleAsync(long scheduleId) =>
        CanPublish ? Done(await store.CancelScheduleAsync(Key, scheduleId, Actor, HttpContext.RequestAborted), "Programmation annulée.") : Forbidden();

    public async Task<IActionResult> OnPostMoveAsync(Guid? target)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        return Done(await store.MoveAsync(Key, target, null, Actor, HttpContext.RequestAborted), "Déplacé.");
    }

    public async Task<IActionResult> OnPostCopyAsync(Guid? target)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        var outcome = await store.CopyAsync(Key, target, Actor, HttpContext.RequestAborted);
        if (outcome.Succeeded && outcome.Item is { } copy)
        {
            Flash = "Copie créée (non publiée).";
            return Redirect($"/backoffice/contenu/{copy.Key}/modifier?culture={Culture}");
        }
        return Done(outcome, "");
    }

    /// <summary>Saves the current draft as a blueprint new items of this type can start from.</summary>
    public async Task<IActionResult> OnPostBlueprintAsync(string? blueprintName)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        var outcome = await store.SaveBlueprintAsync(Key, blueprintName ?? "", Actor, HttpContext.RequestAborted);
        if (outcome.Status == ContentStatus.Invalid)
        {
            FlashError = "Donnez au modèle un nom de 1 à 200 caractères.";
            return Redirect($"/backoffice/contenu/{Key}/modifier?culture={Culture}");
        }
        return Done(outcome, $"Modèle « {blueprintName?.Trim()} » enregistré : il est proposé à la création d'un élément de ce type.");
    }

    public async Task<IActionResult> OnPostTrashAsync()
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        var item = await store.GetAsync(Key, HttpContext.RequestAborted);
        var outcome = await store.TrashAsync(Key, Actor, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            return Done(outcome, "");
        }
        Flash = "Mis à la corbeille. Vous pouvez le restaurer depuis la corbeille.";
        return Redirect(item?.ParentKey is { } parent ? $"/backoffice/contenu?parent={parent}" : "/backoffice/contenu");
    }

    private async Task<IActionResult> SaveAsync(bool publish, string message, string? unchangedMessage = null)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var parseErrors = new List<(string Field, string Message)>();
        var current = ContentFormBinder.ValuesFor(Type, Item.Data, EditCulture);
        var values = binder.Read(Type, Request.Form, current, Culture!, parseErrors);
        if (parseErrors.Count > 0)
        {
            return await RedisplayAsync(parseErrors.Select(e => new FieldError(e.Field, e.Message)).ToList());
        }
        var outcome = await store.SaveAsync(new ContentWrite
        {
            Key = Key,
            ContentType = Item.ContentType,
            Name = Name ?? "",
            Culture = Type.VariesByCulture ? Culture : null,
            Values = values,
            ExpectedRevision = Revision,
            Publish = publish,
            ReplaceValues = true,
        }, Actor, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            Error = ContentMessages.Of(outcome);
            return await RedisplayAsync(outcome.Errors);
        }
        Flash = outcome.Unchanged && unchangedMessage is not null ? unchangedMessage : message;
        return Redirect($"/backoffice/contenu/{Key}/modifier?culture={Culture}");
    }

    /// <summary>Shows the form again with what the user typed and the errors next to their fields.</summary>
    private async Task<IActionResult> RedisplayAsync(IReadOnlyList<FieldError>? errors = null)
    {
        var fields = await binder.BuildAsync(Type, ContentFormBinder.ValuesFor(Type, Item.Data, EditCulture), Culture!, Request.HasFormContentType && Request.Form.ContainsKey("Name") ? Request.Form : null, HttpContext.RequestAborted);
        if (!Request.Form.ContainsKey("Name"))
        {
            Name = ItemName(Culture!);
            Revision = Item.Revision;
        }
        foreach (var error in errors ?? [])
        {
            if (error.Field is "name" or "urlSegment")
            {
                NameError = Append(NameError, error.Message);
            }
            else if (fields.FirstOrDefault(f => f.Alias == error.Field || error.Field.StartsWith(f.Alias + "[", StringComparison.Ordinal) || error.Field.StartsWith(f.Alias + ".", StringComparison.Ordinal)) is { } field)
            {
                field.Error = Append(field.Error, error.Message);
            }
        }
        Fields = fields;
        Error ??= errors is { Count: > 0 } ? "Le contenu n'est pas valide : corrigez les champs signalés." : null;
        Response.StatusCode = ScheduleError is not null || errors is { Count: > 0 } ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        if (Error?.StartsWith("Quelqu'un", StringComparison.Ordinal) == true)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            // Keep the user's text but let the next save go through against the current revision.
            Revision = Item.Revision;
        }
        return Page();
    }

    private static string Append(string? existing, string message) => existing is null ? message : existing + " " + message;

    private IActionResult Done(ContentOutcome outcome, string message)
    {
        if (outcome.Succeeded)
        {
            Flash = message;
        }
        else
        {
            FlashError = ContentMessages.Of(outcome);
        }
        return outcome.Status == ContentStatus.NotFound ? NotFound() : Redirect($"/backoffice/contenu/{Key}/modifier?culture={Culture}");
    }

    private async Task<bool> LoadAsync()
    {
        var item = await store.GetAsync(Key, HttpContext.RequestAborted);
        if (item is null || store.Schema.GetDocumentType(item.ContentType) is not { } type)
        {
            return false;
        }
        Item = item;
        Type = type;
        Culture = Culture is not null && store.Schema.IsKnownCulture(Culture) && type.VariesByCulture
            ? store.Schema.Cultures.First(c => string.Equals(c, Culture, StringComparison.OrdinalIgnoreCase))
            : store.Schema.DefaultCulture;
        Ancestors = await store.GetAncestorsAsync(Key, HttpContext.RequestAborted);
        if (CanPublish)
        {
            var parentTypes = store.Schema.DocumentTypes.Values.Where(t => t.AllowedChildren.Contains(type.Alias)).Select(t => t.Alias).ToList();
            MoveTargets = parentTypes.Count == 0 ? [] : (await store.FindForPickerAsync(parentTypes, null, 200, HttpContext.RequestAborted)).Where(t => t.Key != Key).ToList();
        }
        return true;
    }
}
