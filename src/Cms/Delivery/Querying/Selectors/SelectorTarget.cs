using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Cms.Delivery.Querying.Selectors;

/// <summary>Resolves the item a selector names: a GUID, or else a route resolved like the by-path endpoint (culture, Start-Item).</summary>
internal static class SelectorTarget
{
    public static bool Handles(string query, string prefix) => query.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    public static PublishedContent? Resolve(string selector, string prefix, DeliveryQueryContext context)
    {
        var value = selector[prefix.Length..].Trim();
        if (value.Length == 0)
        {
            return null;
        }
        return Guid.TryParse(value, out var key)
            ? context.Cache.Get(key)
            : context.Cache.GetByRoute(value, context.Culture, context.StartItem);
    }
}
