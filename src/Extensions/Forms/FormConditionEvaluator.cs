namespace PoleKnowledge.Extensions.Forms;

/// <summary>Decides which pages and fields are shown for the values posted, the way Umbraco Forms evaluates conditions.</summary>
public static class FormConditionEvaluator
{
    public static bool IsShown(FormCondition condition, IReadOnlyDictionary<string, FormValue> values)
    {
        if (condition.Rules.Count == 0)
        {
            return true;
        }
        var results = condition.Rules.Select(rule => Holds(rule, values));
        var matched = condition.LogicType == "Any" ? results.Any(r => r) : results.All(r => r);
        return condition.ActionType == "Hide" ? !matched : matched;
    }

    public static bool IsShown(FormPage page, FormField field, IReadOnlyDictionary<string, FormValue> values) =>
        IsShown(page.Condition, values) && IsShown(field.Condition, values);

    private static bool Holds(FormConditionRule rule, IReadOnlyDictionary<string, FormValue> values)
    {
        var texts = values.TryGetValue(rule.Field, out var value) ? value.Texts : [];
        var isValue = texts.Any(t => string.Equals(t, rule.Value, StringComparison.OrdinalIgnoreCase))
            || (rule.Value == "on" && texts.Any(t => string.Equals(t, "true", StringComparison.OrdinalIgnoreCase)));
        var contains = texts.Any(t => t.Contains(rule.Value, StringComparison.OrdinalIgnoreCase));
        return rule.Operator switch
        {
            "Is" => isValue,
            "IsNot" => !isValue,
            "Contains" => contains,
            "NotContains" => !contains,
            _ => false,
        };
    }
}
