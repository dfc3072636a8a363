using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Content;

/// <summary>Creates an item under a parent, from the types that parent allows (the store checks it again).</summary>
public sealed class ContentCreateModel(ContentStore store, ContentFormBinder binder) : BackOfficePageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Parent { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? TypeAlias { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public long? Blueprint { get; set; }

    public IReadOnlyList<ContentBlueprint> Blueprints { get; private set; } = [];

    public string? ParentName { get; private set; }
    public DocumentType? Type { get; private set; }
    public IReadOnlyList<DocumentType> Allowed { get; private set; } = [];
    public IReadOnlyList<PropertyField> Fields { get; private set; } = [];
    public string? NameError { get; private set; }
    public string? Error { get; private set; }
    public string DefaultCulture => store.Schema.DefaultCulture;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (Type is not null)
        {
            Blueprints = await store.GetBlueprintsAsync(Type.Alias, HttpContext.RequestAborted);
            var start = Blueprint is { } id && Blueprints.Any(b => b.Id == id) ? await store.GetBlueprintDataAsync(id, HttpContext.RequestAborted) : null;
            var values = start is null ? [] : ContentFormBinder.ValuesFor(Type, start, Type.VariesByCulture ? DefaultCulture : "");
            Fields = await binder.BuildAsync(Type, values, DefaultCulture, null, HttpContext.RequestAborted);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || Type is null)
        {
            return NotFound();
        }
        var parseErrors = new List<(string Field, string Message)>();
        var values = binder.Read(Type, Request.Form, [], DefaultCulture, parseErrors);
        IReadOnlyList<FieldError> errors = parseErrors.Select(e => new FieldError(e.Field, e.Message)).ToList();
        if (errors.Count == 0)
        {
            var outcome = await store.SaveAsync(new ContentWrite
            {
                ContentType = Type.Alias,
                ParentKey = Parent,
                ParentRoute = Parent is null && !Type.AllowedAtRoot ? Type.DefaultParent : null,
                Name = Name ?? "",
                Culture = Type.VariesByCulture ? DefaultCulture : null,
                Values = values,
            }, Actor, HttpContext.RequestAborted);
            if (outcome.Succeeded && outcome.Item is { } item)
            {
                Flash = "Brouillon créé.";
                return Redirect($"/backoffice/contenu/{item.Key}/modifier");
            }
            Error = ContentMessages.Of(outcome);
            errors = outcome.Errors;
        }
        Fields = await binder.BuildAsync(Type, [], DefaultCulture, Request.Form, HttpContext.RequestAborted);
        foreach (var error in errors)
        {
            if (error.Field is "name" or "urlSegment")
            {
                NameError = error.Message;
            }
            else if (Fields.FirstOrDefault(f => f.Alias == error.Field || error.Field.StartsWith(f.Alias + "[", StringComparison.Ordinal)) is { } field)
            {
                field.Error = field.Error is null ? error.Message : field.Error + " " + error.Message;
            }
        }
        Error ??= "Le contenu n'est pas valide : corrigez les champs signalés.";
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteBlueprintAsync(long id)
    {
        if (!CanPublish)
        {
            return Forbidden();
        }
        if (await store.DeleteBlueprintAsync(id, Actor, HttpContext.RequestAborted)) { Flash = "Modèle supprimé."; } else { FlashError = "Modèle introuvable."; }
        return Redirect($"/backoffice/contenu/creer?parent={Parent}&type={TypeAlias}");
    }

    private async Task<bool> LoadAsync()
    {
        IReadOnlyList<string> allowed;
        if (Parent is { } parent)
        {
            var item = await store.GetAsync(parent, HttpContext.RequestAborted);
            if (item is null || item.Trashed)
            {
                return false;
            }
            ParentName = item.Data.Names.GetValueOrDefault(DefaultCulture) ?? item.Data.Names.Values.FirstOrDefault();
            allowed = store.Schema.GetDocumentType(item.ContentType)?.AllowedChildren ?? [];
        }
        else
        {
            allowed = [.. store.Schema.DocumentTypes.Values.Where(t => t.AllowedAtRoot && !t.IsElement).Select(t => t.Alias)];
        }
        Allowed = [.. allowed.Select(store.Schema.GetDocumentType).OfType<DocumentType>().Where(t => !t.IsElement)];
        if (TypeAlias is not null)
        {
            Type = Allowed.FirstOrDefault(t => t.Alias == TypeAlias);
            return Type is not null;
        }
        return true;
    }
}
