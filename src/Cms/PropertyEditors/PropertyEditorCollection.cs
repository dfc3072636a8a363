namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// The editors known to the hub, by alias. The engine registers the built-in Umbraco editors;
/// extensions add theirs before the schema loads (an unknown alias in a schema file stops start-up).
/// </summary>
public sealed class PropertyEditorCollection
{
    private readonly Dictionary<string, IPropertyEditor> _editors = new(StringComparer.Ordinal);

    public PropertyEditorCollection(IEnumerable<IPropertyEditor> editors)
    {
        foreach (var editor in editors)
        {
            _editors[editor.Alias] = editor;
        }
        foreach (var editor in _editors.Values)
        {
            if (editor is IPropertyEditorCollectionAware aware)
            {
                aware.Attach(this);
            }
        }
    }

    public IEnumerable<string> Aliases => _editors.Keys;

    public IPropertyEditor? Find(string alias) => _editors.GetValueOrDefault(alias);
}
