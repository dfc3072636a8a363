using System.Text.Json;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// Writes references to other items from the published cache, in one request culture. Shallow
/// (<c>properties: {}</c>) unless built with an <c>expand</c> tree: one writer stands for one level of the
/// trees, and <see cref="ForProperty"/> derives the writer of the level below a property, so an expanded
/// picker writes the picked item's properties with that item's own pickers shallow unless the tree goes deeper.
/// Media resolve from the media cache; without one no media resolves and pickers drop them, as Umbraco does
/// for missing media.
/// </summary>
public sealed class PublishedReferenceWriter : IDeliveryReferenceWriter
{
    private readonly PublishedContentCache _cache;
    private readonly ContentSchema? _schema;
    private readonly PropertyTree? _expand;
    private readonly PropertyTree? _fields;
    private readonly Func<string, bool>? _isContentTypeAllowed;
    private readonly bool _expandHere;
    private readonly PublishedMediaCache? _media;

    /// <summary>A shallow writer (nothing expanded, every property written, every content type allowed).</summary>
    public PublishedReferenceWriter(PublishedContentCache cache, string culture, PublishedMediaCache? media = null)
        : this(cache, culture, null, null, null, null, media)
    {
    }

    /// <param name="cache">The published cache references resolve from.</param>
    /// <param name="culture">The request culture.</param>
    /// <param name="schema">Needed to write the properties of expanded items.</param>
    /// <param name="expand">The <c>expand</c> tree at this level (null: nothing expanded).</param>
    /// <param name="fields">The <c>fields</c> tree at this level (null: every property).</param>
    /// <param name="isContentTypeAllowed">Content types the API may not return resolve as missing (null in a picker, dropped from lists).</param>
    /// <param name="media">Resolves media pickers (null: no media resolves).</param>
    public PublishedReferenceWriter(PublishedContentCache cache, string culture, ContentSchema? schema, PropertyTree? expand, PropertyTree? fields, Func<string, bool>? isContentTypeAllowed, PublishedMediaCache? media = null)
        : this(cache, culture, schema, expand, fields, isContentTypeAllowed, expandHere: false, media)
    {
    }

    private PublishedReferenceWriter(PublishedContentCache cache, string culture, ContentSchema? schema, PropertyTree? expand, PropertyTree? fields, Func<string, bool>? isContentTypeAllowed, bool expandHere, PublishedMediaCache? media)
    {
        _media = media;
        _cache = cache;
        Culture = culture;
        _schema = schema;
        _expand = expand;
        _fields = fields;
        _isContentTypeAllowed = isContentTypeAllowed;
        _expandHere = expandHere;
    }

    public string Culture { get; }

    public IDeliveryReferenceWriter ForProperty(string alias)
    {
        if (_expand is null && _fields is null && !_expandHere)
        {
            // The common case (no expand, no fields): one writer serves every property.
            return this;
        }
        var expandHere = _expand?.Includes(alias) == true;
        return new PublishedReferenceWriter(_cache, Culture, _schema, _expand?.Child(alias), _fields?.Child(alias), _isContentTypeAllowed, expandHere, _media);
    }

    public bool IncludesProperty(string alias) => _fields?.Includes(alias) ?? true;

    public bool TryWriteContent(Utf8JsonWriter writer, Guid key)
    {
        if (!TryResolve(key, out var item, out var data, out var route))
        {
            return false;
        }
        writer.WriteStartObject();
        writer.WriteString("contentType", item.ContentType);
        writer.WriteString("name", data.Name);
        DeliveryJson.WriteDate(writer, "createDate", item.CreateDate);
        DeliveryJson.WriteDate(writer, "updateDate", data.UpdateDate);
        writer.WritePropertyName("route");
        DeliveryContentWriter.WriteRoute(writer, _cache, item, route, Culture);
        DeliveryJson.WriteKey(writer, "id", item.Key);
        writer.WritePropertyName("properties");
        if (_expandHere && _schema?.GetDocumentType(item.ContentType) is { } type)
        {
            // The picked item's properties form the next level: the subtrees under this property apply there.
            var below = new PublishedReferenceWriter(_cache, Culture, _schema, _expand, _fields, _isContentTypeAllowed, expandHere: false, _media);
            DeliveryPropertiesWriter.Write(writer, type, data.Properties, below);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        return true;
    }

    /// <summary>Folders are not media one can pick: they resolve to nothing.</summary>
    public bool TryWriteMedia(Utf8JsonWriter writer, Guid key, JsonElement? focalPoint, JsonElement? crops)
    {
        if (_media?.Get(key) is not { IsFolder: false } item)
        {
            return false;
        }
        DeliveryMediaWriter.WriteReference(writer, item, focalPoint, crops);
        return true;
    }

    public bool TryWriteRoute(Utf8JsonWriter writer, Guid key, out string contentType, out string name)
    {
        contentType = "";
        name = "";
        if (!TryResolve(key, out var item, out var data, out var route))
        {
            return false;
        }
        contentType = item.ContentType;
        name = data.Name;
        DeliveryContentWriter.WriteRoute(writer, _cache, item, route, Culture);
        return true;
    }

    public string? GetMediaUrl(Guid key) => _media?.Get(key) is { IsFolder: false } item ? item.Url : null;

    private bool TryResolve(Guid key, out PublishedContent item, out PublishedCulture data, out string route)
    {
        item = _cache.Get(key)!;
        data = item?.ForCulture(Culture)!;
        route = _cache.GetRoute(key, Culture)!;
        return item is not null && data is not null && route is not null
            && (_isContentTypeAllowed is null || _isContentTypeAllowed(item.ContentType));
    }
}
