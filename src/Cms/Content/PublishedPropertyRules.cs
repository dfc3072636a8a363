using System.Text.Json.Nodes;

namespace PoleKnowledge.Cms.Content;

/// <summary>Every registered <see cref="IPublishedPropertyRule"/>, asked together at publish time and for previews.</summary>
public sealed class PublishedPropertyRules(IEnumerable<IPublishedPropertyRule> rules)
{
    private readonly IPublishedPropertyRule[] _rules = [.. rules];

    public static PublishedPropertyRules None { get; } = new([]);

    /// <summary>The aliases no rule lets the public see (empty when there is no rule).</summary>
    public IReadOnlySet<string> WithheldFor(string contentType, JsonObject invariantValues, JsonObject? cultureValues)
    {
        if (_rules.Length == 0)
        {
            return EmptySet;
        }
        var withheld = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in _rules)
        {
            withheld.UnionWith(rule.Withheld(contentType, invariantValues, cultureValues));
        }
        return withheld;
    }

    private static readonly HashSet<string> EmptySet = [];
}
