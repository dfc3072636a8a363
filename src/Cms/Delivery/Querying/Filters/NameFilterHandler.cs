using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying.Filters;

/// <summary><c>name:text[,text]</c>: the name in the request culture contains any of the texts (case- and accent-insensitive); <c>name:!text</c> contains none.</summary>
internal sealed class NameFilterHandler : IFilterHandler
{
    private const string Prefix = "name:";

    public bool CanHandle(string query) => query.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public FilterOption BuildFilterOption(string filter, DeliveryQueryContext context)
    {
        var values = FilterValues.Split(filter[Prefix.Length..], out var negated);
        return new FilterOption(ContentIndexFieldNames.NameText, values, negated ? FilterOperation.DoesNotContain : FilterOperation.Contains);
    }
}
