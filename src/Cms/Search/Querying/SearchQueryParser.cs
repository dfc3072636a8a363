using System.Text;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// The search box grammar, and nothing more: words, <c>"phrases"</c>, <c>-exclusion</c> (of a word or a
/// phrase) and a trailing <c>*</c> for a prefix. Everything else is text: Lucene syntax (<c>title:*</c>,
/// <c>a AND (</c>, <c>~~</c>) is read as words and loses its punctuation in analysis, an unbalanced quote
/// runs to the end, control characters are spaces. It never throws, and bounds its output: at most
/// <see cref="MaxLength"/> characters read and <see cref="MaxTerms"/> terms kept.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxLength = 256;
    public const int MaxTerms = 12;

    public static IReadOnlyList<SearchQueryTerm> Parse(string? input)
    {
        var terms = new List<SearchQueryTerm>();
        if (string.IsNullOrWhiteSpace(input))
        {
            return terms;
        }
        var text = Clean(input);
        var i = 0;
        while (i < text.Length && terms.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var excluded = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                excluded = true;
                i++;
            }
            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                var phrase = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
                if (HasWordCharacter(phrase))
                {
                    terms.Add(new SearchQueryTerm(phrase.Trim(), IsPhrase: true, IsExcluded: excluded));
                }
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }
            var word = text[start..i];
            var prefix = word.EndsWith('*');
            word = word.TrimEnd('*');
            if (HasWordCharacter(word))
            {
                terms.Add(new SearchQueryTerm(word, IsPrefix: prefix && CountWordCharacters(word) >= 2, IsExcluded: excluded));
            }
        }
        return terms;
    }

    /// <summary>Control characters become spaces; the length is cut without splitting a surrogate pair.</summary>
    private static string Clean(string input)
    {
        var length = Math.Min(input.Length, MaxLength);
        if (length < input.Length && char.IsHighSurrogate(input[length - 1]))
        {
            length--;
        }
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = input[i];
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
        return builder.ToString();
    }

    private static bool HasWordCharacter(string text) => text.Any(char.IsLetterOrDigit);

    private static int CountWordCharacters(string text) => text.Count(char.IsLetterOrDigit);
}
