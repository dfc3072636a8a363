namespace PoleKnowledge.Cms.Search;

/// <summary>Splits text into words the way the snippet highlighter and the synonym matcher see them: letters and digits, with inner apostrophes kept for elision.</summary>
public static class QueryWords
{
    public static IEnumerable<string> Split(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text, i);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    /// <summary>A letter or digit, or an apostrophe between two letters (<c>l'économie</c>).</summary>
    public static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }
        return (c == '\'' || c == '\u2019') && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);
    }
}
