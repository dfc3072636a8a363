using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying.Selectors;

/// <summary><c>ancestors:{id|path}</c>: the item's ancestors, itself excluded (none for a root).</summary>
internal sealed class AncestorsSelectorHandler : ISelectorHandler
{
    private const string Prefix = "ancestors:";

    public bool CanHandle(string query) => SelectorTarget.Handles(query, Prefix);

    public SelectorOption? BuildSelectorOption(string selector, DeliveryQueryContext context) =>
        SelectorTarget.Resolve(selector, Prefix, context) is { } item
            ? new SelectorOption(ContentIndexFieldNames.Id, [.. context.Cache.AncestorsOf(item).Select(a => ContentIndexFieldNames.FormatKey(a.Key))])
            : null;
}
