namespace PoleKnowledge.Extensions.Forms;

/// <summary>The forms loaded at start-up, found by id (what the Forms API takes) or alias (what code and pages use).</summary>
public sealed class FormCatalog(IReadOnlyList<FormDefinition> forms)
{
    public IReadOnlyList<FormDefinition> All { get; } = forms;

    /// <summary>By GUID, or by alias for convenience.</summary>
    public FormDefinition? Find(string idOrAlias) =>
        Guid.TryParse(idOrAlias, out var id)
            ? All.FirstOrDefault(f => f.Id == id)
            : All.FirstOrDefault(f => string.Equals(f.Alias, idOrAlias, StringComparison.Ordinal));
}
