namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// One test of a <see cref="FormCondition"/>: the field (by alias in the file; delivered by id, as Umbraco does),
/// an operator (<c>Is</c>, <c>IsNot</c>, <c>Contains</c>, <c>NotContains</c>) and a value. A checkbox or
/// consent field is <c>"on"</c> when ticked.
/// </summary>
public sealed record FormConditionRule(string Field, string Operator, string Value);
