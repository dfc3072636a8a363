using System.Globalization;
using System.Text;

namespace PoleKnowledge.Cms.Content;

/// <summary>
/// French-aware URL segments: <c>Économie &amp; bénévolat</c> → <c>economie-benevolat</c>,
/// <c>L'œuvre d'Ærø</c> → <c>l-oeuvre-d-aero</c>. Accents are removed by decomposition, ligatures
/// are spelled out, anything that is not a letter or digit separates words.
/// </summary>
public static class UrlSegmentBuilder
{
    public const int MaxLength = 120;

    public static string Build(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var spelled = Spell(char.ToLowerInvariant(ch));
            if (spelled is null)
            {
                pendingDash = builder.Length > 0;
                continue;
            }
            if (pendingDash)
            {
                builder.Append('-');
                pendingDash = false;
            }
            builder.Append(spelled);
            if (builder.Length >= MaxLength)
            {
                break;
            }
        }
        var result = builder.ToString();
        return result.Length > MaxLength ? result[..MaxLength].TrimEnd('-') : result;
    }

    private static string? Spell(char ch) => ch switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => ch.ToString(),
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        'ø' => "o",
        'đ' or 'ð' => "d",
        'ł' => "l",
        'þ' => "th",
        'ı' => "i",
        _ => null,
    };
}
