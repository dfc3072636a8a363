using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// Validates the property values of one write (import, management API, back office) against a
/// document type, with each property's editor and validation regex. Stateless and thread-safe.
/// </summary>
public sealed class ContentValueValidator
{
    /// <summary>
    /// Normalises the given values. An empty value normalises to absence (it is not in
    /// <see cref="ContentValuesResult.Values"/>), so "clear this field" and "never set" store the same thing.
    /// </summary>
    public ContentValuesResult Validate(DocumentType type, IReadOnlyDictionary<string, JsonNode?> values, PropertyValueContext context)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<FieldError>();
        var result = PropertyValueNormalizer.Normalize(type.Properties, $"document type '{type.Alias}'", values, context, (alias, message) =>
            errors.Add(new FieldError(alias, message)));
        return new ContentValuesResult { Values = result, Errors = errors };
    }

    /// <summary>
    /// Required properties without a value. Culture-variant properties are looked up in
    /// <paramref name="cultureValues"/> (skipped when it is null); the others in
    /// <paramref name="invariantValues"/>, unless <paramref name="variantOnly"/> (publishing one more culture
    /// of an item whose invariant values were already checked).
    /// </summary>
    public IReadOnlyList<FieldError> CheckRequired(DocumentType type, JsonObject invariantValues, JsonObject? cultureValues, bool variantOnly)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(invariantValues);
        var checkedProperties = type.Properties.Where(p => p.VariesByCulture ? cultureValues is not null : !variantOnly);
        return [.. PropertyValueNormalizer
            .MissingRequired(checkedProperties, p => p.VariesByCulture ? cultureValues![p.Alias] : invariantValues[p.Alias])
            .Select(m => new FieldError(m.Alias, m.Message))];
    }
}
