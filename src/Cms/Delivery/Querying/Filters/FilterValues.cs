namespace PoleKnowledge.Cms.Delivery.Querying.Filters;

/// <summary>The value list of a filter: comma-separated values (OR), a leading <c>!</c> negating the whole list.</summary>
internal static class FilterValues
{
    public static IReadOnlyList<string> Split(string list, out bool negated)
    {
        negated = list.StartsWith('!');
        var values = negated ? list[1..] : list;
        return values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
