using System.Diagnostics.CodeAnalysis;

namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>
/// A parsed query, or the error to answer with. <see cref="NoResults"/> is set when the selector names an
/// item that does not exist: Umbraco then answers an empty page (<c>total: 0</c>), not an error; the query
/// is still given (and matches nothing) so filters and sorts were validated all the same.
/// </summary>
public sealed class DeliveryQueryParseResult
{
    private DeliveryQueryParseResult(DeliveryQuery? query, DeliveryQueryError? error, bool noResults)
    {
        Query = query;
        Error = error;
        NoResults = noResults;
    }

    public DeliveryQuery? Query { get; }
    public DeliveryQueryError? Error { get; }
    public bool NoResults { get; }

    [MemberNotNullWhen(true, nameof(Query))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    internal static DeliveryQueryParseResult Ok(DeliveryQuery query, bool noResults) => new(query, null, noResults);

    internal static DeliveryQueryParseResult Fail(string title, string detail, string parameter) => new(null, new DeliveryQueryError(title, detail, parameter), false);
}
