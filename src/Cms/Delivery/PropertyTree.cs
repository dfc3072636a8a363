namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// One level of an <c>expand</c> or <c>fields</c> value in the Delivery API v2 tree syntax
/// (<c>properties[a,b[properties[c]]]</c>, <c>properties[$all]</c>, <c>$all</c>): which property aliases the
/// level names, and the tree of the level below each of them. Immutable; parsed once per request.
/// </summary>
public sealed class PropertyTree
{
    private readonly Dictionary<string, PropertyTree?> _named;

    internal PropertyTree(bool all, PropertyTree? allChild, Dictionary<string, PropertyTree?> named)
    {
        All = all;
        AllChild = allChild;
        _named = named;
    }

    /// <summary>A level that names every property and nothing below (<c>properties[$all]</c>).</summary>
    public static PropertyTree Everything { get; } = new(true, null, new Dictionary<string, PropertyTree?>(StringComparer.Ordinal));

    /// <summary>True when the level is <c>$all</c>.</summary>
    public bool All { get; }

    /// <summary>The level below <c>$all[…]</c>, which applies to every property not named explicitly.</summary>
    public PropertyTree? AllChild { get; }

    /// <summary>The aliases named explicitly at this level.</summary>
    public IEnumerable<string> Names => _named.Keys;

    /// <summary>Whether the level names the property (explicitly or through <c>$all</c>).</summary>
    public bool Includes(string alias) => All || _named.ContainsKey(alias);

    /// <summary>The tree for the properties of whatever the property holds (null: nothing said below it).</summary>
    public PropertyTree? Child(string alias) =>
        _named.TryGetValue(alias, out var child) && child is not null ? child : All ? AllChild : null;

    /// <summary>Parses a parameter value; an absent or blank value parses to a null tree (the parameter's default).</summary>
    public static PropertyTreeParseResult Parse(string? value) => PropertyTreeParser.Parse(value);
}
