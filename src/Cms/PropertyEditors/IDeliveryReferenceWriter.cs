using System.Text.Json;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// Writes references to other items as the Delivery API shows them, from the published cache, per request.
/// Implemented by the delivery layer; editors call it from <see cref="IPropertyEditor.WriteResolved"/>.
/// </summary>
public interface IDeliveryReferenceWriter
{
    /// <summary>The culture of the request.</summary>
    string Culture { get; }

    /// <summary>Writes a content reference object (no <c>cultures</c>, <c>properties: {}</c> unless expanded). Returns false and writes nothing when the item is not published.</summary>
    bool TryWriteContent(Utf8JsonWriter writer, Guid key);

    /// <summary>Writes a media reference object. Returns false and writes nothing when the media does not exist.</summary>
    bool TryWriteMedia(Utf8JsonWriter writer, Guid key, JsonElement? focalPoint, JsonElement? crops);

    /// <summary>Writes the route object (<c>{path, queryString, startItem}</c>) of a published content item and returns its content type alias.</summary>
    bool TryWriteRoute(Utf8JsonWriter writer, Guid key, out string contentType, out string name);

    /// <summary>The public URL of a media item, or null.</summary>
    string? GetMediaUrl(Guid key);

    /// <summary>
    /// The writer for the value of one property at this level: it knows whether that property is expanded
    /// (<c>expand</c>) and which properties are written below it (<c>fields</c>). Block editors call it for the
    /// properties of their elements, so the expansion tree reaches pickers inside blocks. Writers that know
    /// nothing of expansion return themselves.
    /// </summary>
    IDeliveryReferenceWriter ForProperty(string alias) => this;

    /// <summary>Whether a property at this level is written at all (the <c>fields</c> parameter); true by default.</summary>
    bool IncludesProperty(string alias) => true;
}
