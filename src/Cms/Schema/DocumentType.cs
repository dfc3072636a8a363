namespace PoleKnowledge.Cms.Schema;

/// <summary>
/// A document type (or element type when <see cref="IsElement"/>), with its compositions already
/// flattened into <see cref="Properties"/> in declaration order (compositions first).
/// </summary>
public sealed class DocumentType
{
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public string? Icon { get; init; }
    public string? Description { get; init; }
    public bool IsElement { get; init; }
    public bool VariesByCulture { get; init; }
    public bool AllowedAtRoot { get; init; }
    /// <summary>Where items of this type go when a write names no parent (a draft route such as <c>/ressources</c>).</summary>
    public string? DefaultParent { get; init; }
    public IReadOnlyList<string> AllowedChildren { get; init; } = [];
    public IReadOnlyList<string> Compositions { get; init; } = [];
    public IReadOnlyList<PropertyType> Properties { get; init; } = [];
    /// <summary>The file it was loaded from, relative to the schema folder (for error messages).</summary>
    public string SourceFile { get; init; } = "";

    public PropertyType? GetProperty(string alias)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Alias, alias, StringComparison.Ordinal))
            {
                return property;
            }
        }
        return null;
    }
}
