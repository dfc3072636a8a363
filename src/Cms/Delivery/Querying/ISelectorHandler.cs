namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>Turns a <c>fetch</c> value (<c>children:…</c>) into a selector. Handlers are asked in registration order; the first that can handle a value builds it.</summary>
public interface ISelectorHandler
{
    bool CanHandle(string query);

    /// <summary>Null when the value names something that does not exist (an unknown item): the query then has no results.</summary>
    SelectorOption? BuildSelectorOption(string selector, DeliveryQueryContext context);
}
