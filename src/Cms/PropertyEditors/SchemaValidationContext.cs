namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>What an editor may look up while checking its configuration at schema load.</summary>
public sealed class SchemaValidationContext
{
    public required IReadOnlySet<string> TaxonomyAliases { get; init; }
    public required IReadOnlySet<string> DocumentTypeAliases { get; init; }
    public required IReadOnlySet<string> ElementTypeAliases { get; init; }
    public required IReadOnlySet<string> MediaTypeAliases { get; init; }
}
