using System.Text;
using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Builds a hit's snippet: the window of about <see cref="Length"/> characters of its summary and body with
/// the most distinct query terms, those terms wrapped in <c>&lt;mark&gt;</c> and everything else
/// HTML-escaped. Words are compared after the stemmed fields' normalisation (one word at a time, see
/// <see cref="SearchLanguage.NormalizeWord"/>), against the terms the query actually matched, fuzzy
/// expansions included, so a typo'd query still marks the right words. Scans at most
/// <see cref="ScanLimit"/> characters: a long body's snippet costs the same as a short one's.
/// </summary>
public static class SnippetBuilder
{
    public const int Length = 220;
    public const int ScanLimit = 5_000;
    private const int MaxMatches = 40;
    private const int Lead = 40;

    public static string Build(string text, SnippetTerms terms, SearchLanguage language)
    {
        if (text.Length == 0)
        {
            return "";
        }
        var matches = terms.IsEmpty ? [] : FindMatches(text, terms, language);
        if (matches.Count == 0)
        {
            var end = text.Length <= Length ? text.Length : WordEnd(text, Length);
            return Render(text, 0, end, matches);
        }
        var (bestStart, bestEnd) = BestWindow(text, matches);
        return Render(text, bestStart, bestEnd, matches);
    }

    private static List<(int Start, int End, string Term)> FindMatches(string text, SnippetTerms terms, SearchLanguage language)
    {
        var stemmer = terms.Morphology.Count > 0 ? language.CreateMorphologyStemmer() : null;
        var matches = new List<(int, int, string)>();
        var buffer = new char[256];
        var scratch = new char[64];
        var limit = Math.Min(text.Length, ScanLimit);
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
                if (word.Length <= 60 && MayMatch(word, terms))
                {
                    var length = language.NormalizeWord(word, buffer, scratch);
                    var normalized = buffer.AsSpan(0, length);
                    if (length > 0 && terms.LightLookup.Contains(normalized))
                    {
                        matches.Add((start, i, normalized.ToString()));
                    }
                    else if (stemmer is not null && length > 0 && terms.MayMatchMorphology(normalized)
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

    /// <summary>Whether the word's first letters (after an elided article, lower-cased and folded) start one of the terms.</summary>
    private static bool MayMatch(ReadOnlySpan<char> word, SnippetTerms terms)
    {
        var apostrophe = word.IndexOfAny('\'', '\u2019');
        if (apostrophe is > 0 and <= 7 && apostrophe + 1 < word.Length)
        {
            word = word[(apostrophe + 1)..];
        }
        var first = Fold(word[0]);
        if (!terms.FirstLetters.Contains(first))
        {
            return false;
        }
        if (terms.FirstTwoLetters is not { } pairs)
        {
            return true;
        }
        if (word[0] < FoldTableSize && FoldsToSeveral[word[0]])
        {
            // œ, æ: the second letter of the folded word is the folding's own.
            return true;
        }
        // A one-letter word cannot give a stem of two letters or more.
        return word.Length >= 2 && pairs.Contains(SnippetTerms.Pair(first, Fold(word[1])));
    }

    /// <summary>A character lower-cased and folded to ASCII as the analysers do (the first character of the folding when it gives several).</summary>
    private static char Fold(char c)
    {
        if (c < 128)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }
        return c < FoldTableSize ? FoldTable[c] : c;
    }

    private const int FoldTableSize = 0x250;
    private static readonly bool[] FoldsToSeveral = new bool[FoldTableSize];
    private static readonly char[] FoldTable = CreateFoldTable();

    private static char[] CreateFoldTable()
    {
        var table = new char[FoldTableSize];
        var output = new char[8];
        for (var c = 0; c < FoldTableSize; c++)
        {
            var lower = char.ToLowerInvariant((char)c);
            var length = Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter.FoldToASCII([lower], 0, output, 0, 1);
            table[c] = length > 0 ? output[0] : lower;
            FoldsToSeveral[c] = length > 1;
        }
        return table;
    }

    /// <summary>The window starting a little before a match that covers the most distinct terms, then the most matches.</summary>
    private static (int Start, int End) BestWindow(string text, List<(int Start, int End, string Term)> matches)
    {
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            var windowEnd = matches[i].Start + Length - Lead;
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
        // Start at the beginning of the line when it is close: snippets read better from a sentence start.
        var lineStart = text.LastIndexOf('\n', first == 0 ? 0 : first - 1) + 1;
        if (lineStart > start && lineStart <= first)
        {
            start = lineStart;
        }
        var end = start + Length >= text.Length ? text.Length : WordEnd(text, start + Length);
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
        var builder = new StringBuilder(end - start + 64);
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

    /// <summary>Escaped, with line breaks as spaces (a snippet is one paragraph).</summary>
    private static void Append(StringBuilder builder, string text, int start, int end)
    {
        if (end > start)
        {
            foreach (var c in text.AsSpan(start, end - start))
            {
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
}
