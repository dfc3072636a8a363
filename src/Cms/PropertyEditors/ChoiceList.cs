using System.Text.Json;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// The closed list a dropdown, checkbox list or bound tags field chooses from: either the
/// <c>items</c> of its config or a taxonomy. Values are stored by their stable value/alias; writers may
/// type the label instead (what an importer copies from a spreadsheet).
/// </summary>
internal sealed class ChoiceList
{
    private readonly IReadOnlyList<(string Value, string Label)> _items;
    private readonly Taxonomy? _taxonomy;

    private ChoiceList(IReadOnlyList<(string Value, string Label)> items, Taxonomy? taxonomy)
    {
        _items = items;
        _taxonomy = taxonomy;
    }

    /// <summary>The list configured for a property; null when it has neither items nor a taxonomy (free text).</summary>
    public static ChoiceList? From(JsonElement config, ContentSchema schema)
    {
        if (EditorConfig.GetString(config, "taxonomy") is { } alias)
        {
            return new ChoiceList([], schema.GetTaxonomy(alias) ?? new Taxonomy { Alias = alias, Name = alias });
        }
        if (EditorConfig.Get(config, "items") is { ValueKind: JsonValueKind.Array } items)
        {
            var list = new List<(string, string)>();
            foreach (var item in items.EnumerateArray())
            {
                if (ReadItem(item) is { } pair)
                {
                    list.Add(pair);
                }
            }
            return new ChoiceList(list, null);
        }
        return null;
    }

    /// <summary>The stored value for what was typed, or null when nothing matches.</summary>
    public string? Find(string typed)
    {
        var text = typed.Trim();
        if (_taxonomy is not null)
        {
            return _taxonomy.Find(text)?.Alias;
        }
        foreach (var (value, _) in _items)
        {
            if (string.Equals(value, text, StringComparison.Ordinal))
            {
                return value;
            }
        }
        foreach (var (value, label) in _items)
        {
            if (string.Equals(value, text, StringComparison.OrdinalIgnoreCase) || string.Equals(label, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>The label to index or show for a stored value.</summary>
    public string LabelOf(string value)
    {
        if (_taxonomy is not null)
        {
            return _taxonomy.Find(value)?.Label ?? value;
        }
        foreach (var (itemValue, label) in _items)
        {
            if (itemValue == value)
            {
                return label;
            }
        }
        return value;
    }

    /// <summary>An error sentence for an unknown value, listing (some of) the accepted ones.</summary>
    public string UnknownValueError(string typed)
    {
        var values = _taxonomy is not null ? _taxonomy.Terms.Select(t => t.Alias).ToList() : _items.Select(i => i.Value).ToList();
        var shown = string.Join(", ", values.Take(20)) + (values.Count > 20 ? $", … ({values.Count} in all)" : "");
        var source = _taxonomy is not null ? $"taxonomy '{_taxonomy.Alias}'" : "the configured items";
        return $"Unknown value {EditorInput.Quote(typed)}: expected one of {source} ({shown}).";
    }

    /// <summary>Checks <c>items</c>/<c>taxonomy</c>; <paramref name="required"/> when the editor needs a closed list.</summary>
    public static IEnumerable<(string, string)> ValidateConfiguration(JsonElement config, SchemaValidationContext context, string editorAlias, bool required)
    {
        var taxonomy = EditorConfig.Get(config, "taxonomy");
        var items = EditorConfig.Get(config, "items");
        if (taxonomy is { } t)
        {
            if (t.ValueKind != JsonValueKind.String || !context.TaxonomyAliases.Contains(t.GetString()!))
            {
                var known = string.Join(", ", context.TaxonomyAliases.Order(StringComparer.Ordinal));
                yield return (".taxonomy", $"Unknown taxonomy {EditorInput.Truncate(t.GetRawText())} (known taxonomies: {(known.Length == 0 ? "none" : known)}).");
            }
            if (items is not null)
            {
                yield return (".items", $"{editorAlias} takes either 'items' or 'taxonomy', not both.");
            }
        }
        else if (items is { } list)
        {
            foreach (var problem in ValidateItems(list))
            {
                yield return problem;
            }
        }
        else if (required)
        {
            yield return ("", $"{editorAlias} needs 'items' ([{{\"value\", \"label\"}}]) or a 'taxonomy' alias.");
        }
    }

    private static IEnumerable<(string, string)> ValidateItems(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            yield return (".items", "'items' must be a non-empty array of {\"value\", \"label\"} objects.");
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (ReadItem(item) is not { } pair)
            {
                yield return ($".items[{index}]", "Each item needs a non-empty string 'value' (and optionally a 'label').");
            }
            else if (!seen.Add(pair.Value))
            {
                yield return ($".items[{index}].value", $"Duplicate item value '{pair.Value}'.");
            }
            index++;
        }
    }

    private static (string Value, string Label)? ReadItem(JsonElement item)
    {
        // A bare string is shorthand for {value: s, label: s}.
        if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
        {
            return (text, text);
        }
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } value)
        {
            var label = item.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : value;
            return (value, label);
        }
        return null;
    }
}
