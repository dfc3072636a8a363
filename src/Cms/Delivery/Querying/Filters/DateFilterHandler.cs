using System.Text.RegularExpressions;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying.Filters;

/// <summary>
/// <c>createDate</c>/<c>updateDate</c> followed by an operator of one or two of <c>&gt; &lt; :</c> (Umbraco's
/// expression): <c>:</c> equal, <c>:!</c> not equal, <c>&gt;</c>, <c>&gt;:</c>, <c>&lt;</c>, <c>&lt;:</c>. Another
/// pair (<c>&lt;&gt;</c>, <c>::</c>) matches nothing, as in Umbraco. Values are ISO-8601, read invariantly by
/// the executor; one that does not parse leaves the filter without effect.
/// </summary>
internal sealed partial class DateFilterHandler : IFilterHandler
{
    public bool CanHandle(string query) => Expression().IsMatch(query);

    public FilterOption BuildFilterOption(string filter, DeliveryQueryContext context)
    {
        var match = Expression().Match(filter);
        var field = match.Groups["field"].Value.Equals(ContentIndexFieldNames.CreateDate, StringComparison.OrdinalIgnoreCase)
            ? ContentIndexFieldNames.CreateDate
            : ContentIndexFieldNames.UpdateDate;
        var value = match.Groups["value"].Value;
        FilterOperation? operation = match.Groups["op"].Value switch
        {
            ":" when value.StartsWith('!') => FilterOperation.IsNot,
            ":" => FilterOperation.Is,
            ">" => FilterOperation.GreaterThan,
            ">:" => FilterOperation.GreaterThanOrEqual,
            "<" => FilterOperation.LessThan,
            "<:" => FilterOperation.LessThanOrEqual,
            _ => null,
        };
        if (operation is not { } op)
        {
            return new FilterOption(ContentIndexFieldNames.Id, [ContentIndexFieldNames.FormatKey(Guid.NewGuid())], FilterOperation.Is);
        }
        var values = FilterValues.Split(value, out _);
        return new FilterOption(field, values, op);
    }

    [GeneratedRegex("^(?<field>createDate|updateDate)(?<op>[<>:]{1,2})(?<value>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Expression();
}
