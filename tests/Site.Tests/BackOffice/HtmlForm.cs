using System.Net;
using System.Text.RegularExpressions;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>
/// Reads a form of a page the way a browser would submit it, so tests post what an editor would. The
/// back office writes regular, attribute-quoted HTML, which a few patterns read reliably.
/// </summary>
public static partial class HtmlForm
{
    /// <summary>The fields of the first form whose opening tag contains <paramref name="marker"/>, with <paramref name="changes"/> replacing values by name.</summary>
    public static List<KeyValuePair<string, string>> Fields(string html, string marker, IDictionary<string, string>? changes = null)
    {
        var start = FormStart().Matches(html).FirstOrDefault(m => m.Value.Contains(marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form with '{marker}' on the page.");
        var end = html.IndexOf("</form>", start.Index, StringComparison.Ordinal);
        var form = html[start.Index..end];
        var fields = new List<(int Index, string Name, string Value)>();
        foreach (Match input in InputTag().Matches(form))
        {
            var a = Attributes(input.Value);
            if (!a.TryGetValue("name", out var name) || a.GetValueOrDefault("type") is "submit" or "file")
            {
                continue;
            }
            if (a.GetValueOrDefault("type") is "checkbox" or "radio" && !a.ContainsKey("checked"))
            {
                continue;
            }
            fields.Add((input.Index, name, a.GetValueOrDefault("value") ?? ""));
        }
        foreach (Match select in SelectBlock().Matches(form))
        {
            var name = Attributes(select.Groups[1].Value).GetValueOrDefault("name");
            foreach (Match option in OptionTag().Matches(select.Groups[2].Value))
            {
                var a = Attributes(option.Value);
                if (name is not null && a.ContainsKey("selected"))
                {
                    fields.Add((select.Index, name, a.GetValueOrDefault("value") ?? ""));
                }
            }
        }
        foreach (Match area in TextAreaBlock().Matches(form))
        {
            if (Attributes(area.Groups[1].Value).GetValueOrDefault("name") is { } name)
            {
                fields.Add((area.Index, name, WebUtility.HtmlDecode(area.Groups[2].Value).TrimStart('\n')));
            }
        }
        var result = fields.OrderBy(f => f.Index).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            result.RemoveAll(f => f.Key == name);
            result.Add(new(name, value));
        }
        result.RemoveAll(f => f.Key == "__RequestVerificationToken");
        return result;
    }

    /// <summary>The text of the error shown next to a field (the element with id <c>{inputId}-error</c>).</summary>
    public static string? ErrorOf(string html, string inputId) =>
        Regex.Match(html, $"id=\"{Regex.Escape(inputId)}-error\"[^>]*>([^<]*)<") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;

    private static Dictionary<string, string> Attributes(string tag)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in Attribute().Matches(tag))
        {
            result[a.Groups[1].Value] = WebUtility.HtmlDecode(a.Groups[2].Success ? a.Groups[2].Value : "");
        }
        return result;
    }

    [GeneratedRegex("<form\\b[^>]*>")]
    private static partial Regex FormStart();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectBlock();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex OptionTag();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreaBlock();

    [GeneratedRegex("\\s([a-zA-Z][\\w-]*)(?:=\"([^\"]*)\")?")]
    private static partial Regex Attribute();
}
