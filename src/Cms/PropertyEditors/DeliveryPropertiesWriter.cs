using System.Text.Json;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// Writes the <c>properties</c> object of a Delivery API item from its published properties: static values
/// are copied as bytes, references are resolved by their editor for this request.
/// </summary>
public static class DeliveryPropertiesWriter
{
    /// <summary>
    /// Writes <c>{alias: value, …}</c> as a value (the caller writes the <c>"properties"</c> name first).
    /// <paramref name="onlyAliases"/> implements the <c>fields</c> parameter; properties no longer in the type
    /// (the schema changed since publishing) are skipped. The reference writer carries the rest of the request's
    /// <c>expand</c>/<c>fields</c> trees: it can exclude a property (<see cref="IDeliveryReferenceWriter.IncludesProperty"/>)
    /// and gives each resolving property its own writer (<see cref="IDeliveryReferenceWriter.ForProperty"/>).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, DocumentType type, IReadOnlyList<PublishedProperty> properties, IDeliveryReferenceWriter references, IReadOnlySet<string>? onlyAliases = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(references);
        writer.WriteStartObject();
        foreach (var published in properties)
        {
            if ((onlyAliases is not null && !onlyAliases.Contains(published.Alias)) || !references.IncludesProperty(published.Alias))
            {
                continue;
            }
            if (type.GetProperty(published.Alias) is not { } property)
            {
                continue;
            }
            writer.WritePropertyName(published.Alias);
            if (published.ResolvesAtRequestTime && property.Editor.ResolvesAtRequestTime)
            {
                using var document = JsonDocument.Parse(published.Json);
                property.Editor.WriteResolved(writer, document.RootElement, property, references.ForProperty(published.Alias));
            }
            else
            {
                // Published bytes were produced by Utf8JsonWriter; re-validating them per request is wasted work.
                writer.WriteRawValue(published.Json, skipInputValidation: true);
            }
        }
        writer.WriteEndObject();
    }
}
