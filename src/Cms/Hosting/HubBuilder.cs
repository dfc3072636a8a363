using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Hosting;

/// <summary>What extensions add to the engine before the schema loads.</summary>
public sealed class HubBuilder(IServiceCollection services)
{
    private readonly List<IPropertyEditor> _editors = [.. BuiltInPropertyEditors.Create()];

    public IServiceCollection Services { get; } = services;

    /// <summary>Adds (or replaces, by alias) a property editor.</summary>
    public HubBuilder AddPropertyEditor(IPropertyEditor editor)
    {
        _editors.RemoveAll(e => e.Alias == editor.Alias);
        _editors.Add(editor);
        return this;
    }

    internal PropertyEditorCollection BuildEditors() => new(_editors);
}
