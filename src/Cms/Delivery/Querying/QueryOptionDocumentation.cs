namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>
/// Describes a filter or sort an extension adds to the Delivery API, for its OpenAPI document: register one
/// singleton per option next to its handler. <see cref="Parameter"/> is <c>filter</c> or <c>sort</c>;
/// <see cref="Examples"/> are complete parameter values (<c>theme:benevolat</c>, <c>date:desc</c>).
/// </summary>
public sealed record QueryOptionDocumentation(string Parameter, string Prefix, string Description, IReadOnlyList<QueryOptionExample> Examples)
{
    public const string Filter = "filter";
    public const string Sort = "sort";
}

/// <summary>One example value of a documented query option, with a short title.</summary>
public sealed record QueryOptionExample(string Summary, string Value);
