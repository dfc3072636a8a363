using System.Globalization;
using Lucene.Net.Analysis.Miscellaneous;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>Text normalisation shared by index-time values and query-time values, so both sides always agree.</summary>
public static class ContentIndexText
{
    /// <summary>
    /// Lower-cases in the culture's rules, then folds to ASCII with Lucene's table (<c>É</c> → <c>e</c>,
    /// <c>œ</c> → <c>oe</c>), so "Économie" sorts and matches with the E words.
    /// </summary>
    public static string Fold(string value, string? culture = null)
    {
        var lower = culture is { Length: > 0 } ? value.ToLower(CultureInfo.GetCultureInfo(culture)) : value.ToLowerInvariant();
        var input = lower.ToCharArray();
        // Folding can expand a character to up to four (ﬄ → ffl), as ASCIIFoldingFilter sizes its own buffer.
        var output = new char[Math.Max(1, input.Length * 4)];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }
}
