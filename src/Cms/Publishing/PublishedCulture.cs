using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Publishing;

/// <summary>What is published of an item in one culture: name, URL segment, dates and the published properties (as JSON bytes).</summary>
public sealed class PublishedCulture
{
    public required string Culture { get; init; }
    public required string Name { get; init; }
    public required string UrlSegment { get; init; }
    public DateTime PublishDate { get; init; }
    public DateTime UpdateDate { get; init; }
    public required PublishedProperty[] Properties { get; init; }

    public PublishedProperty? GetProperty(string alias)
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
