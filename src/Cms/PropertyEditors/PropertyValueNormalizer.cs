using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// Normalises a set of property values against the properties of a type: the one loop shared by
/// document values (<see cref="ContentValueValidator"/>) and block elements (<see cref="BlockListEditor"/>).
/// </summary>
internal static class PropertyValueNormalizer
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Each value normalised by its editor; errors are reported with the property alias. <paramref name="typeDescription"/> reads like "document type 'resource'".</summary>
    public static JsonObject Normalize(
        IReadOnlyList<PropertyType> properties,
        string typeDescription,
        IEnumerable<KeyValuePair<string, JsonNode?>> values,
        PropertyValueContext context,
        Action<string, string> addError)
    {
        var result = new JsonObject();
        foreach (var (alias, value) in values)
        {
            var property = Find(properties, alias);
            if (property is null)
            {
                var known = string.Join(", ", properties.Select(p => p.Alias));
                addError(alias, $"Unknown property '{alias}' for {typeDescription}. Known: {(known.Length == 0 ? "none" : known)}.");
                continue;
            }
            var normalized = property.Editor.Normalize(value, property, context);
            if (!normalized.IsValid)
            {
                foreach (var error in normalized.Errors)
                {
                    addError(alias, error);
                }
                continue;
            }
            if (normalized.Value is null)
            {
                continue;
            }
            if (RegexError(property, normalized.Value) is { } regexError)
            {
                addError(alias, regexError);
                continue;
            }
            result[alias] = normalized.Value;
        }
        return result;
    }

    /// <summary>The regex applies to the string form of the value, or to each string item of an array.</summary>
    public static string? RegexError(PropertyType property, JsonNode value)
    {
        if (string.IsNullOrEmpty(property.ValidationRegex))
        {
            return null;
        }
        var texts = value is JsonArray array ? array.Select(EditorInput.AsText) : [EditorInput.AsText(value)];
        foreach (var text in texts)
        {
            if (text is null)
            {
                continue;
            }
            try
            {
                // The static overload uses Regex's internal cache, so a pattern is compiled once, not per value.
                if (!Regex.IsMatch(text, property.ValidationRegex, RegexOptions.CultureInvariant, RegexTimeout))
                {
                    return property.ValidationMessage is { Length: > 0 } message
                        ? $"{message} (got {EditorInput.Quote(text)})"
                        : $"Expected a value matching {property.ValidationRegex}, got {EditorInput.Quote(text)}.";
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return $"The value {EditorInput.Quote(text)} took too long to check against {property.ValidationRegex}.";
            }
        }
        return null;
    }

    /// <summary>Required properties without a value, as (alias, message).</summary>
    public static IEnumerable<(string Alias, string Message)> MissingRequired(IEnumerable<PropertyType> properties, Func<PropertyType, JsonNode?> valueOf)
    {
        foreach (var property in properties)
        {
            if (property.Required && EditorInput.IsEmpty(valueOf(property)))
            {
                yield return (property.Alias, $"'{property.Name}' ({property.Alias}) is required.");
            }
        }
    }

    /// <summary>The published form of one value: empty is JSON null, except Markdown which publishes "" like Umbraco.</summary>
    public static void WritePublished(Utf8JsonWriter writer, PropertyType property, JsonNode? value, PropertyPublishContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            WritePublished(writer, property, (JsonElement?)null, context);
            return;
        }
        using var document = JsonDocument.Parse(value!.ToJsonString());
        WritePublished(writer, property, document.RootElement, context);
    }

    /// <inheritdoc cref="WritePublished(Utf8JsonWriter, PropertyType, JsonNode?, PropertyPublishContext)"/>
    public static void WritePublished(Utf8JsonWriter writer, PropertyType property, JsonElement? value, PropertyPublishContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            if (property.Editor is MarkdownEditor)
            {
                writer.WriteStringValue("");
            }
            else
            {
                writer.WriteNullValue();
            }
            return;
        }
        property.Editor.Publish(writer, value!.Value, property, context);
    }

    private static PropertyType? Find(IReadOnlyList<PropertyType> properties, string alias)
    {
        foreach (var property in properties)
        {
            if (string.Equals(property.Alias, alias, StringComparison.Ordinal))
            {
                return property;
            }
        }
        return null;
    }
}
