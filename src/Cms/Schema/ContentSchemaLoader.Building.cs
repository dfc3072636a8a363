namespace PoleKnowledge.Cms.Schema;

/// <summary>Turning checked raw types into the immutable schema, flattening compositions.</summary>
public sealed partial class ContentSchemaLoader
{
    private DocumentType BuildDocumentType(RawType type, Dictionary<string, RawType> byAlias)
    {
        var properties = new List<PropertyType>();
        var declaredAt = new Dictionary<string, RawProperty>(StringComparer.Ordinal);
        foreach (var property in Flatten(type, byAlias, []))
        {
            if (declaredAt.TryGetValue(property.Alias, out var first))
            {
                // Reported on the type being built, which is the one whose property set is ambiguous.
                var where = first.Owner == property.Owner ? first.Path : $"{first.Owner.File.RelativePath} {first.Path}";
                var via = property.Owner == type ? "" : $" (from composition '{property.Owner.Alias}')";
                Problem(type.File, property.Owner == type ? property.Path + ".alias" : "$.compositions",
                    $"Duplicate property alias '{property.Alias}' in type '{type.Alias}'{via}: also declared at {where}.");
                continue;
            }
            declaredAt[property.Alias] = property;
            if (property.Editor is null)
            {
                continue;
            }
            // An invariant type stores every value once, whatever its compositions declare.
            properties.Add(ToPropertyType(property, property.VariesByCulture && type.VariesByCulture));
        }
        return new DocumentType
        {
            Alias = type.Alias,
            Name = type.Name,
            Icon = type.Icon,
            Description = type.Description,
            IsElement = type.IsElement,
            VariesByCulture = type.VariesByCulture,
            AllowedAtRoot = type.AllowedAtRoot,
            DefaultParent = type.DefaultParent,
            AllowedChildren = [.. type.AllowedChildren.Select(c => c.Alias)],
            Compositions = [.. type.Compositions.Select(c => c.Alias)],
            Properties = properties,
            SourceFile = type.File.RelativePath,
        };
    }

    /// <summary>Composition properties first (depth-first, in declaration order), then the type's own; a composition reached twice counts once.</summary>
    private static List<RawProperty> Flatten(RawType type, Dictionary<string, RawType> byAlias, HashSet<string> visited)
    {
        var result = new List<RawProperty>();
        if (!visited.Add(type.Alias))
        {
            return result;
        }
        foreach (var (composition, _) in type.Compositions)
        {
            if (!type.BrokenCompositions.Contains(composition) && byAlias.TryGetValue(composition, out var composed))
            {
                result.AddRange(Flatten(composed, byAlias, visited));
            }
        }
        result.AddRange(type.Properties);
        return result;
    }

    private MediaType BuildMediaType(RawType type)
    {
        var properties = new List<PropertyType>();
        var seen = new Dictionary<string, RawProperty>(StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            if (!seen.TryAdd(property.Alias, property))
            {
                Problem(type.File, property.Path + ".alias", $"Duplicate property alias '{property.Alias}' in type '{type.Alias}': also declared at {seen[property.Alias].Path}.");
                continue;
            }
            if (property.Editor is null)
            {
                continue;
            }
            properties.Add(ToPropertyType(property, variesByCulture: false));
        }
        return new MediaType
        {
            Alias = type.Alias,
            Name = type.Name,
            Icon = type.Icon,
            AllowedChildren = [.. type.AllowedChildren.Select(c => c.Alias)],
            FileExtensions = [.. type.FileExtensions],
            Properties = properties,
            SourceFile = type.File.RelativePath,
        };
    }

    private static PropertyType ToPropertyType(RawProperty property, bool variesByCulture) => new()
    {
        Alias = property.Alias,
        Name = property.Name,
        Description = property.Description,
        EditorAlias = property.EditorAlias,
        Editor = property.Editor!,
        Required = property.Required,
        ValidationRegex = property.Regex,
        ValidationMessage = property.RegexMessage,
        VariesByCulture = variesByCulture,
        Config = property.Config,
        Group = property.Group,
    };
}
