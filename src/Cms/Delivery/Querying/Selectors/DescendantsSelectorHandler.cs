using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying.Selectors;

/// <summary><c>descendants:{id|path}</c>: every descendant at any depth, the item excluded.</summary>
internal sealed class DescendantsSelectorHandler : ISelectorHandler
{
    private const string Prefix = "descendants:";

    public bool CanHandle(string query) => SelectorTarget.Handles(query, Prefix);

    public SelectorOption? BuildSelectorOption(string selector, DeliveryQueryContext context) =>
        SelectorTarget.Resolve(selector, Prefix, context) is { } item
            ? new SelectorOption(ContentIndexFieldNames.AncestorIds, [ContentIndexFieldNames.FormatKey(item.Key)])
            : null;
}
