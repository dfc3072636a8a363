using Microsoft.AspNetCore.Mvc.RazorPages;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.Structures;

namespace PoleKnowledge.Site.Pages.Pole;

/// <summary>
/// <c>/annuaire</c>: the directory of structures with filters (GET, so every search is a shareable link and works
/// without JavaScript) and "who can help me". Structure pages stay content pages (<c>/annuaire/{structure}/</c>).
/// Filter labels come from the structure form's choices, the same lists members fill in.
/// </summary>
public sealed class DirectoryModel(StructureDirectory directory, FormCatalog forms) : PageModel
{
    public IReadOnlyList<StructureListing> Results { get; private set; } = [];
    public IReadOnlyList<StructureListing> WithNeeds { get; private set; } = [];
    public StructureListing? HelpFor { get; private set; }
    public StructureDirectoryQuery Query { get; private set; } = new();
    public FormDefinition Choices { get; } = forms.Find("structureRegistration")!;

    public void OnGet(string? q, string? categorie, string? forme, string? commune, string? theme, string? offre, string? besoin, Guid? aide)
    {
        ViewData["Title"] = "Annuaire des structures";
        static IReadOnlyList<string> One(string? value) => string.IsNullOrWhiteSpace(value) ? [] : [value];
        Query = new StructureDirectoryQuery
        {
            Text = q,
            Categories = One(categorie),
            LegalForms = One(forme),
            Communes = One(commune),
            Themes = One(theme),
            Offers = One(offre),
            Needs = One(besoin),
            HelpFor = aide,
        };
        HelpFor = aide is { } key ? directory.Find(key) : null;
        Results = directory.Search(Query);
        WithNeeds = directory.All().Where(s => s.Needs.Count > 0).ToList();
    }

    public IReadOnlyList<FormPreValue> Options(string alias) => Choices.FindField(alias)?.PreValues ?? [];

    public string Label(string alias, string value) => Options(alias).FirstOrDefault(p => p.Value == value)?.Caption ?? value;
}
