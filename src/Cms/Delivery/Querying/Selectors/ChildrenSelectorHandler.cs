using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying.Selectors;

/// <summary><c>children:{id|path}</c>: the item's direct children (<c>children:/</c> = the start item's children).</summary>
internal sealed class ChildrenSelectorHandler : ISelectorHandler
{
    private const string Prefix = "children:";

    public bool CanHandle(string query) => SelectorTarget.Handles(query, Prefix);

    public SelectorOption? BuildSelectorOption(string selector, DeliveryQueryContext context) =>
        SelectorTarget.Resolve(selector, Prefix, context) is { } item
            ? new SelectorOption(ContentIndexFieldNames.ParentId, [ContentIndexFieldNames.FormatKey(item.Key)])
            : null;
}
