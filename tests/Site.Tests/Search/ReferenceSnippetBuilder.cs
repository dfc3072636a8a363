using System.Text;
using Lucene.Net.Analysis.Miscellaneous;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Search;
using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Site.Tests.Search;

/// <summary>
/// The snippet builder and word normalisation as they were before they were made cheaper (November 2026), kept
/// frozen as the reference the fast ones must match character for character. Depends only on the public term sets
/// of <see cref="SnippetTerms"/> and on Lucene's own folding and stemmers, never on the code under test.
/// </summary>
internal static class ReferenceSnippetBuilder
{
    private const int MaxMatches = 40;
    private const int Lead = 40;
    private static readonly string[] FrenchArticles = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"];

    /// <summary>Lower case, fold, drop a French elided article, stem: the stemmed fields' normalisation of one word.</summary>
    public static string NormalizeWord(ReadOnlySpan<char> word, SearchLanguage language)
    {
        var scratch = new char[word.Length];
        var buffer = new char[Math.Max(4, word.Length * 4)];
        var lowered = InvariantLowerCaseFilter.ToLower(word, scratch);
        var length = ASCIIFoldingFilter.FoldToASCII(scratch, 0, buffer, 0, lowered);
        var apostrophe = Array.IndexOf(buffer, '\'', 0, length);
        if (apostrophe > 0 && IsArticle(buffer.AsSpan(0, apostrophe)))
        {
            Array.Copy(buffer, apostrophe + 1, buffer, 0, length - apostrophe - 1);
            length -= apostrophe + 1;
        }
        if (length == 0)
        {
            return "";
        }
        length = language == SearchLanguage.English
            ? new Lucene.Net.Analysis.En.EnglishMinimalStemmer().Stem(buffer, length)
            : new Lucene.Net.Analysis.Fr.FrenchLightStemmer().Stem(buffer, length);
        return new string(buffer, 0, length);
    }

    private static bool IsArticle(ReadOnlySpan<char> text)
    {
        foreach (var article in FrenchArticles)
        {
            if (text.SequenceEqual(article))
            {
                return true;
            }
        }
        return false;
    }

    public static string Build(string text, SnippetTerms terms, SearchLanguage language)
    {
        if (text.Length == 0)
        {
            return "";
        }
        var matches = terms.IsEmpty ? [] : FindMatches(text, terms, language);
        if (matches.Count == 0)
        {
            var end = text.Length <= SnippetBuilder.Length ? text.Length : WordEnd(text, SnippetBuilder.Length);
            return Render(text, 0, end, matches);
        }
        var (bestStart, bestEnd) = BestWindow(text, matches);
        return Render(text, bestStart, bestEnd, matches);
    }

    private static List<(int Start, int End, string Term)> FindMatches(string text, SnippetTerms terms, SearchLanguage language)
    {
        var stemmer = terms.Morphology.Count > 0 ? language.CreateMorphologyStemmer() : null;
        var firstLetters = terms.Light.Concat(terms.Morphology).Where(t => t.Length > 0).Select(t => t[0]).ToHashSet();
        HashSet<int>? pairs = terms.Light.Concat(terms.Morphology).Any(t => t.Length < 2) ? null
            : terms.Light.Concat(terms.Morphology).Select(t => Pair(t[0], t[1])).ToHashSet();
        var prefixes = terms.Morphology.Select(t => t[..Math.Min(3, t.Length)]).ToHashSet(StringComparer.Ordinal);
        var matches = new List<(int, int, string)>();
        var limit = Math.Min(text.Length, SnippetBuilder.ScanLimit);
        var start = -1;
        for (var i = 0; i <= limit && matches.Count < MaxMatches; i++)
        {
            var inWord = i < limit && QueryWords.IsWordChar(text, i);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = text.AsSpan(start, i - start);
                if (word.Length <= 60 && MayMatch(word, firstLetters, pairs))
                {
                    var normalized = NormalizeWord(word, language);
                    if (normalized.Length > 0 && terms.Light.Contains(normalized))
                    {
                        matches.Add((start, i, normalized));
                    }
                    else if (stemmer is not null && normalized.Length > 0 && prefixes.Contains(normalized[..Math.Min(3, normalized.Length)])
                        && language.NormalizeMorphology(word, stemmer) is { Length: > 0 } morphology && terms.Morphology.Contains(morphology))
                    {
                        matches.Add((start, i, "~" + morphology));
                    }
                }
                start = -1;
            }
        }
        return matches;
    }

    private static int Pair(char first, char second) => (first << 16) | second;

    private static bool MayMatch(ReadOnlySpan<char> word, HashSet<char> firstLetters, HashSet<int>? pairs)
    {
        var apostrophe = word.IndexOfAny('\'', '\u2019');
        if (apostrophe is > 0 and <= 7 && apostrophe + 1 < word.Length)
        {
            word = word[(apostrophe + 1)..];
        }
        var first = Fold(word[0], out _);
        if (!firstLetters.Contains(first))
        {
            return false;
        }
        if (pairs is null)
        {
            return true;
        }
        Fold(word[0], out var several);
        if (several)
        {
            return true;
        }
        return word.Length >= 2 && pairs.Contains(Pair(first, Fold(word[1], out _)));
    }

    private static char Fold(char c, out bool several)
    {
        several = false;
        if (c < 128)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }
        if (c >= 0x250)
        {
            return c;
        }
        var output = new char[8];
        var length = ASCIIFoldingFilter.FoldToASCII([char.ToLowerInvariant(c)], 0, output, 0, 1);
        several = length > 1;
        return length > 0 ? output[0] : char.ToLowerInvariant(c);
    }

    private static (int Start, int End) BestWindow(string text, List<(int Start, int End, string Term)> matches)
    {
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            var windowEnd = matches[i].Start + SnippetBuilder.Length - Lead;
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            for (var j = i; j < matches.Count && matches[j].End <= windowEnd; j++)
            {
                distinct.Add(matches[j].Term);
                count++;
            }
            var score = distinct.Count * 100 + count;
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }
        var first = matches[best].Start;
        var start = first <= Lead ? 0 : WordStart(text, first - Lead);
        var lineStart = text.LastIndexOf('\n', first == 0 ? 0 : first - 1) + 1;
        if (lineStart > start && lineStart <= first)
        {
            start = lineStart;
        }
        var end = start + SnippetBuilder.Length >= text.Length ? text.Length : WordEnd(text, start + SnippetBuilder.Length);
        return (start, end);
    }

    private static int WordStart(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }
        return index;
    }

    private static int WordEnd(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }
        return index;
    }

    private static string Render(string text, int start, int end, List<(int Start, int End, string Term)> matches)
    {
        var builder = new StringBuilder();
        if (start > 0)
        {
            builder.Append('…');
        }
        var position = start;
        foreach (var (matchStart, matchEnd, _) in matches)
        {
            if (matchStart < position || matchEnd > end)
            {
                continue;
            }
            Append(builder, text, position, matchStart);
            builder.Append("<mark>");
            Append(builder, text, matchStart, matchEnd);
            builder.Append("</mark>");
            position = matchEnd;
        }
        Append(builder, text, position, end);
        if (end < text.Length)
        {
            builder.Append('…');
        }
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\n' or '\r': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }
    }
}
