using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Search.Facets;

/// <summary>Ready-made facet definitions whose labels come from the schema: content type names, taxonomy terms, a property's choice list, years.</summary>
public static class SearchFacets
{
    public const string ContentTypeName = "contentType";
    public const string YearName = "year";

    /// <summary>The content type of each item, labelled with its document type's name.</summary>
    public static SearchFacetDefinition ContentType(ContentSchema schema) =>
        new(ContentTypeName, SearchFieldNames.ContentType, (value, _) => schema.GetDocumentType(value)?.Name ?? value, [.. schema.DocumentTypes.Values.Where(t => !t.IsElement).Select(t => t.Alias)]);

    /// <summary>The year of each item's own date (or creation), newest first.</summary>
    public static SearchFacetDefinition Year() => new(YearName, SearchFieldNames.Year, (value, _) => value, SortByValueDescending: true);

    /// <summary>A keyword field holding aliases of a taxonomy's terms (lower-cased), labelled in the culture.</summary>
    public static SearchFacetDefinition Taxonomy(ContentSchema schema, string name, string field, string taxonomy)
    {
        var terms = schema.GetTaxonomy(taxonomy)?.Terms ?? [];
        var byValue = terms.GroupBy(t => t.Alias.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new(name, field, (value, culture) => byValue.TryGetValue(value, out var term) ? term.LabelFor(culture) : value, [.. byValue.Keys]);
    }

    /// <summary>A keyword field holding the values of a property's choice list (items or taxonomy), labelled as the list labels them.</summary>
    public static SearchFacetDefinition Choices(ContentSchema schema, string name, string field, string documentType, string property)
    {
        var choices = schema.GetDocumentType(documentType)?.GetProperty(property) is { } definition ? ChoiceList.From(definition.Config, schema) : null;
        return new(name, field, (value, _) => choices?.LabelOf(value) ?? value);
    }
}
