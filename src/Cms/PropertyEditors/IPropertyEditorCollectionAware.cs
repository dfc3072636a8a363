namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// An editor that delegates to other editors (a block list delegates its elements' values). It is told the
/// collection it belongs to, because at request time it has no other way to reach the nested editors.
/// </summary>
internal interface IPropertyEditorCollectionAware
{
    void Attach(PropertyEditorCollection editors);
}
