using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>What an editor may use while normalising a value on write.</summary>
public sealed class PropertyValueContext
{
    public required ContentSchema Schema { get; init; }
    /// <summary>The culture being written; null for invariant values.</summary>
    public string? Culture { get; init; }
    /// <summary>The editors, for nested values (block lists validate their elements' properties).</summary>
    public required PropertyEditorCollection Editors { get; init; }
    /// <summary>
    /// Turns what a writer typed for a content or media reference (a GUID, an import key such as
    /// <c>groupe-agenda-21</c>) into an item key; null when it cannot. The default derives keys
    /// from import keys with <see cref="Content.ContentKeys.FromImportKey"/>, which needs no database.
    /// </summary>
    public Func<string, Guid?> ResolveReference { get; init; } = Content.ContentKeys.Parse;
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
