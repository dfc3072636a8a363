using System.Globalization;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>
/// Turns the <c>fetch</c>, <c>filter</c>, <c>sort</c>, <c>skip</c> and <c>take</c> query parameters into a
/// <see cref="DeliveryQuery"/>. Each value goes to the first handler (in registration order) that can handle
/// it; an unknown prefix is Umbraco's 400 with its exact title. Beyond Umbraco (documented divergences):
/// a negative or non-numeric <c>skip</c>/<c>take</c>, a <c>take</c> above <see cref="MaxTake"/> and a value
/// longer than <see cref="MaxValueLength"/> are 400s, never 500s.
/// </summary>
public sealed class DeliveryQueryParser(IEnumerable<ISelectorHandler> selectors, IEnumerable<IFilterHandler> filters, IEnumerable<ISortHandler> sorts)
{
    public const int DefaultTake = 10;
    /// <summary>The largest page; a client wanting everything walks the pages (<c>total</c> says how many).</summary>
    public const int MaxTake = 100;
    /// <summary>Longest <c>fetch</c>, <c>filter</c> or <c>sort</c> value: a longer one is an attack or a bug, and costs query clauses.</summary>
    public const int MaxValueLength = 1000;

    public const string SelectorNotFoundTitle = "Selector option not found";
    public const string SelectorNotFoundDetail = "The attempted 'fetch' option does not exist";
    public const string FilterNotFoundTitle = "Filter option not found";
    public const string FilterNotFoundDetail = "One of the attempted 'filter' options does not exist";
    public const string SortNotFoundTitle = "Sort option not found";
    public const string SortNotFoundDetail = "One of the attempted 'sort' options does not exist";
    /// <summary>The title ASP.NET Core gives model-binding errors (what Umbraco answers for <c>take=abc</c>).</summary>
    public const string ValidationTitle = "One or more validation errors occurred.";

    private readonly ISelectorHandler[] _selectors = [.. selectors];
    private readonly IFilterHandler[] _filters = [.. filters];
    private readonly ISortHandler[] _sorts = [.. sorts];

    public DeliveryQueryParseResult Parse(string? fetch, IReadOnlyList<string> filters, IReadOnlyList<string> sorts, string? skip, string? take,
        DeliveryQueryContext context, IReadOnlySet<string>? allowedContentTypes, IReadOnlySet<string>? disallowedContentTypes)
    {
        if (ParsePaging(skip, 0, int.MaxValue) is not { } skipValue)
        {
            return DeliveryQueryParseResult.Fail(ValidationTitle, $"The value '{Shorten(skip)}' is not valid for skip: a whole number, 0 or more.", "skip");
        }
        if (ParsePaging(take, DefaultTake, MaxTake) is not { } takeValue)
        {
            return DeliveryQueryParseResult.Fail(ValidationTitle, $"The value '{Shorten(take)}' is not valid for take: a whole number from 0 to {MaxTake}.", "take");
        }
        var noResults = false;
        SelectorOption selector;
        if (string.IsNullOrWhiteSpace(fetch))
        {
            selector = context.StartItem is { } start
                ? new SelectorOption(ContentIndexFieldNames.AncestorIds, [ContentIndexFieldNames.FormatKey(start)])
                : new SelectorOption(ContentIndexFieldNames.IndexType, [ContentIndexFieldNames.IndexTypeContent]);
        }
        else if (fetch.Length > MaxValueLength)
        {
            return TooLong("fetch");
        }
        else if (_selectors.FirstOrDefault(h => h.CanHandle(fetch)) is not { } handler)
        {
            return DeliveryQueryParseResult.Fail(SelectorNotFoundTitle, SelectorNotFoundDetail, "fetch");
        }
        else
        {
            var built = handler.BuildSelectorOption(fetch, context);
            noResults = built is null;
            selector = built ?? new SelectorOption(ContentIndexFieldNames.Id, []);
        }

        var filterOptions = new List<FilterOption>();
        foreach (var filter in filters)
        {
            if (string.IsNullOrWhiteSpace(filter))
            {
                continue;
            }
            if (filter.Length > MaxValueLength)
            {
                return TooLong("filter");
            }
            if (_filters.FirstOrDefault(h => h.CanHandle(filter)) is not { } filterHandler)
            {
                return DeliveryQueryParseResult.Fail(FilterNotFoundTitle, FilterNotFoundDetail, "filter");
            }
            filterOptions.Add(filterHandler.BuildFilterOption(filter, context));
        }

        var sortOptions = new List<SortOption>();
        foreach (var sort in sorts)
        {
            if (string.IsNullOrWhiteSpace(sort))
            {
                continue;
            }
            if (sort.Length > MaxValueLength)
            {
                return TooLong("sort");
            }
            if (_sorts.FirstOrDefault(h => h.CanHandle(sort)) is not { } sortHandler)
            {
                return DeliveryQueryParseResult.Fail(SortNotFoundTitle, SortNotFoundDetail, "sort");
            }
            sortOptions.Add(sortHandler.BuildSortOption(sort, context));
        }

        var query = new DeliveryQuery(selector, filterOptions, sortOptions, context.Culture, skipValue, takeValue, allowedContentTypes, disallowedContentTypes);
        return DeliveryQueryParseResult.Ok(query, noResults);
    }

    private static int? ParsePaging(string? value, int defaultValue, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= max ? parsed : null;
    }

    private static DeliveryQueryParseResult TooLong(string parameter) =>
        DeliveryQueryParseResult.Fail(ValidationTitle, $"A '{parameter}' value is longer than {MaxValueLength} characters.", parameter);

    private static string Shorten(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value ?? "";
}
