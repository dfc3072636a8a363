using System.Text.Json.Nodes;

namespace PoleKnowledge.Cms.Content;

/// <summary>
/// A rule an extension adds to publishing: the properties of an item the public must not see, decided from the
/// item's own values (a structure's contact details without its consent). Withheld properties publish as
/// <c>null</c>, so they never reach the published cache, and therefore neither the Delivery API, the public
/// pages, the search index nor the snippets; editors still see and edit them in the back office. Register as
/// singletons.
/// </summary>
public interface IPublishedPropertyRule
{
    /// <summary>Aliases to withhold for an item of <paramref name="contentType"/> with these values (culture values null for invariant types).</summary>
    IEnumerable<string> Withheld(string contentType, JsonObject invariantValues, JsonObject? cultureValues);
}
