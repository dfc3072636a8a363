namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Show or hide a field or a page: <see cref="ActionType"/> <c>Show</c> or <c>Hide</c> when
/// <see cref="LogicType"/> <c>All</c> or <c>Any</c> of the rules hold. A hidden field is neither
/// required nor validated, and the server drops whatever value was posted for it.
/// </summary>
public sealed record FormCondition(string ActionType, string LogicType, IReadOnlyList<FormConditionRule> Rules)
{
    public static FormCondition None { get; } = new("Show", "All", []);
}
