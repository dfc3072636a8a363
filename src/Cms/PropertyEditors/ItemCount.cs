using System.Text.Json;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>The <c>minItems</c>/<c>maxItems</c> rule shared by the list editors.</summary>
internal static class ItemCount
{
    public static string? Error(int count, JsonElement config, long? maxOverride = null)
    {
        var max = maxOverride ?? EditorConfig.GetInteger(config, "maxItems");
        if (EditorConfig.GetInteger(config, "minItems") is { } min && min > 0 && count < min)
        {
            return $"Expected at least {min} item{(min == 1 ? "" : "s")}, got {count}.";
        }
        if (max is > 0 && count > max)
        {
            return $"Expected at most {max} item{(max == 1 ? "" : "s")}, got {count}.";
        }
        return null;
    }
}
