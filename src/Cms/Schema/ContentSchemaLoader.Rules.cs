using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Schema;

/// <summary>The rules that span files: unique aliases, references between types, editor configurations.</summary>
public sealed partial class ContentSchemaLoader
{
    /// <summary>Document, element and media types share one alias space (a picker's allowed types name either).</summary>
    private void CheckDuplicateTypeAliases(IEnumerable<RawType> types)
    {
        var first = new Dictionary<string, RawType>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types)
        {
            if (first.TryGetValue(type.Alias, out var existing))
            {
                Problem(type.File, "$.alias", $"Duplicate type alias '{type.Alias}': also defined in {existing.File.RelativePath} (document, element and media type aliases must all be different).");
            }
            else
            {
                first[type.Alias] = type;
            }
        }
    }

    private void CheckEditorConfigurations(RawType type, SchemaValidationContext context)
    {
        foreach (var property in type.Properties)
        {
            if (property.Editor is null)
            {
                continue;
            }
            foreach (var (relativePath, message) in property.Editor.ValidateConfiguration(property.Config, context))
            {
                Problem(type.File, property.Path + ".config" + relativePath, message);
            }
        }
    }

    private void CheckReferences(List<RawType> documentTypes, Dictionary<string, RawType> byAlias, Dictionary<string, RawType> mediaByAlias, SchemaValidationContext context)
    {
        var knownDocuments = string.Join(", ", context.DocumentTypeAliases.Order(StringComparer.Ordinal));
        foreach (var type in documentTypes)
        {
            if (type.IsElement && type.AllowedAtRoot)
            {
                Problem(type.File, "$.allowedAtRoot", $"Element type '{type.Alias}' cannot be allowed at root: elements only live inside block lists.");
            }
            if (type.IsElement && type.AllowedChildren.Count > 0)
            {
                Problem(type.File, "$.allowedChildren", $"Element type '{type.Alias}' cannot have children: elements only live inside block lists.");
            }
            foreach (var (child, path) in type.AllowedChildren)
            {
                if (byAlias.TryGetValue(child, out var target) && target.IsElement)
                {
                    Problem(type.File, path, $"Allowed child '{child}' is an element type; only document types can be created in the tree.");
                }
                else if (!byAlias.ContainsKey(child))
                {
                    Problem(type.File, path, $"Allowed child '{child}' does not exist (known document types: {knownDocuments}).");
                }
            }
            foreach (var (composition, path) in type.Compositions)
            {
                if (composition == type.Alias)
                {
                    Problem(type.File, path, $"Composition cycle: {type.Alias} → {type.Alias} (a type cannot compose itself).");
                    type.BrokenCompositions.Add(composition);
                }
                else if (mediaByAlias.ContainsKey(composition))
                {
                    Problem(type.File, path, $"Composition '{composition}' is a media type; only document and element types can be composed.");
                    type.BrokenCompositions.Add(composition);
                }
                else if (!byAlias.ContainsKey(composition))
                {
                    Problem(type.File, path, $"Composition '{composition}' does not exist (known document and element types: {string.Join(", ", byAlias.Keys.Order(StringComparer.Ordinal))}).");
                    type.BrokenCompositions.Add(composition);
                }
            }
        }
    }

    private void CheckMediaChildren(IEnumerable<RawType> mediaTypes, Dictionary<string, RawType> mediaByAlias)
    {
        foreach (var type in mediaTypes)
        {
            foreach (var (child, path) in type.AllowedChildren.Where(c => !mediaByAlias.ContainsKey(c.Alias)))
            {
                Problem(type.File, path, $"Allowed child '{child}' is not a media type (known media types: {string.Join(", ", mediaByAlias.Keys.Order(StringComparer.Ordinal))}).");
            }
        }
    }

    /// <summary>
    /// Depth-first search over compositions; each cycle is reported once, on the file of its first type
    /// (alphabetically), as "a → b → a", and its edges are cut so flattening terminates.
    /// </summary>
    private void CheckCompositionCycles(Dictionary<string, RawType> byAlias)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var alias in byAlias.Keys.Order(StringComparer.Ordinal))
        {
            Visit(alias);
        }

        void Visit(string alias)
        {
            if (done.Contains(alias))
            {
                return;
            }
            stack.Add(alias);
            var type = byAlias[alias];
            foreach (var (composition, path) in type.Compositions)
            {
                if (type.BrokenCompositions.Contains(composition) || !byAlias.ContainsKey(composition))
                {
                    continue;
                }
                var start = stack.IndexOf(composition);
                if (start >= 0)
                {
                    var cycle = stack.GetRange(start, stack.Count - start);
                    var key = string.Join(",", cycle.Order(StringComparer.Ordinal));
                    if (reported.Add(key))
                    {
                        Problem(type.File, path, $"Composition cycle: {string.Join(" → ", cycle)} → {composition}.");
                    }
                    type.BrokenCompositions.Add(composition);
                    continue;
                }
                Visit(composition);
            }
            stack.RemoveAt(stack.Count - 1);
            done.Add(alias);
        }
    }
}
