using System.Text.Json;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>The <c>min</c>/<c>max</c> bounds shared by the numeric editors.</summary>
internal static class NumberRange
{
    public static IEnumerable<(string, string)> Check(JsonElement config)
    {
        if (EditorConfig.GetDecimal(config, "min") is { } min && EditorConfig.GetDecimal(config, "max") is { } max && min > max)
        {
            yield return (".min", $"'min' ({EditorInput.FormatNumber(min)}) is greater than 'max' ({EditorInput.FormatNumber(max)}).");
        }
    }

    public static string? Error(decimal value, JsonElement config)
    {
        if (EditorConfig.GetDecimal(config, "min") is { } min && value < min)
        {
            return $"Expected a number of at least {EditorInput.FormatNumber(min)}, got {EditorInput.FormatNumber(value)}.";
        }
        if (EditorConfig.GetDecimal(config, "max") is { } max && value > max)
        {
            return $"Expected a number of at most {EditorInput.FormatNumber(max)}, got {EditorInput.FormatNumber(value)}.";
        }
        return null;
    }
}
