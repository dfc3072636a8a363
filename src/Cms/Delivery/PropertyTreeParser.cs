namespace PoleKnowledge.Cms.Delivery;

/// <summary>
/// The v2 <c>expand</c>/<c>fields</c> grammar, in two steps as in Umbraco: characters other than
/// <c>[ ] ,</c> accumulate into a node name, <c>[</c> opens the node's children, <c>,</c> starts a sibling,
/// <c>]</c> closes. The node tree then becomes <see cref="PropertyTree"/> levels: a <c>properties</c> node holds
/// the aliases of a level, a bare <c>$all</c> means every property of the level.
/// </summary>
/// <remarks>
/// Stricter than Umbraco (which logs and later fails with a 500): a value starting with <c>[</c>, unbalanced
/// brackets, an empty pair <c>[]</c>, a bracket after a closed list or without a name are errors with a
/// position, which the HTTP edge turns into a 400. Unknown names are ignored, as in Umbraco.
/// </remarks>
internal static class PropertyTreeParser
{
    private const string Properties = "properties";
    private const string AllName = "$all";

    /// <summary>Deeper trees than this are refused: they could only overflow the JSON writer's depth.</summary>
    internal const int MaxDepth = 32;

    private sealed class Node(string name)
    {
        public string Name { get; } = name;
        public List<Node>? Children { get; set; }
    }

    public static PropertyTreeParseResult Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new PropertyTreeParseResult(null, null, 0);
        }
        value = value.Trim();
        var (nodes, error, position) = ParseNodes(value);
        return error is not null ? new PropertyTreeParseResult(null, error, position) : new PropertyTreeParseResult(ToLevel(nodes!), null, 0);
    }

    private static (List<Node>? Nodes, string? Error, int Position) ParseNodes(string value)
    {
        var root = new List<Node>();
        var stack = new Stack<List<Node>>();
        var current = root;
        var name = new System.Text.StringBuilder();
        Node? last = null; // the node just closed by ']' (a following name would be glued to it)
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '[':
                    if (name.Length == 0)
                    {
                        return (null, i == 0 ? "the value cannot start with '['" : "'[' must follow a name", i);
                    }
                    if (stack.Count >= MaxDepth)
                    {
                        return (null, $"nesting deeper than {MaxDepth} levels", i);
                    }
                    if (i + 1 < value.Length && value[i + 1] == ']')
                    {
                        return (null, "empty brackets '[]'", i);
                    }
                    var parent = new Node(name.ToString().Trim()) { Children = [] };
                    current.Add(parent);
                    name.Clear();
                    stack.Push(current);
                    current = parent.Children;
                    last = null;
                    break;
                case ',':
                    Flush(current, name);
                    last = null;
                    break;
                case ']':
                    if (stack.Count == 0)
                    {
                        return (null, "']' without a matching '['", i);
                    }
                    Flush(current, name);
                    current = stack.Pop();
                    last = current[^1];
                    break;
                default:
                    if (last is not null && !char.IsWhiteSpace(c))
                    {
                        return (null, "expected ',' or ']' after ']'", i);
                    }
                    name.Append(c);
                    break;
            }
        }
        if (stack.Count > 0)
        {
            return (null, "missing ']'", value.Length);
        }
        Flush(current, name);
        return (root, null, 0);
    }

    private static void Flush(List<Node> into, System.Text.StringBuilder name)
    {
        var text = name.ToString().Trim();
        name.Clear();
        if (text.Length > 0)
        {
            into.Add(new Node(text));
        }
    }

    /// <summary>One level from the nodes found where a level is expected (the top, or inside a property's brackets).</summary>
    private static PropertyTree ToLevel(List<Node> nodes)
    {
        var all = false;
        PropertyTree? allChild = null;
        var named = new Dictionary<string, PropertyTree?>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Name == AllName)
            {
                all = true;
            }
            else if (string.Equals(node.Name, Properties, StringComparison.Ordinal) && node.Children is { } aliases)
            {
                foreach (var alias in aliases)
                {
                    var child = alias.Children is { } below ? ToLevel(below) : null;
                    if (alias.Name == AllName)
                    {
                        all = true;
                        allChild = child ?? allChild;
                    }
                    else if (!named.TryGetValue(alias.Name, out var existing) || existing is null)
                    {
                        named[alias.Name] = child;
                    }
                }
            }
        }
        return new PropertyTree(all, allChild, named);
    }
}
