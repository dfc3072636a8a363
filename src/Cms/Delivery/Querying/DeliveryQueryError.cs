namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>Why a query was refused (a 400 at the HTTP edge): ProblemDetails title and detail, and the query parameter at fault.</summary>
public sealed record DeliveryQueryError(string Title, string Detail, string Parameter);
