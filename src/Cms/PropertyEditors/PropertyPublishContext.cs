using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>What an editor may use while computing the published form of a value.</summary>
public sealed class PropertyPublishContext
{
    public required ContentSchema Schema { get; init; }
    public required PropertyEditorCollection Editors { get; init; }
    public required string Culture { get; init; }
    public required Rendering.MarkdownRenderer Markdown { get; init; }
    /// <summary>Properties published as <c>null</c> whatever their value (<see cref="Content.IPublishedPropertyRule"/>).</summary>
    public IReadOnlySet<string> Withheld { get; init; } = new HashSet<string>();
}
