using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Builds a hit's snippet: the window of about <see cref="Length"/> characters of its summary and body with
/// the most distinct query terms, those terms wrapped in <c>&lt;mark&gt;</c> and everything else
/// HTML-escaped. Words are compared after the stemmed fields' normalisation (one word at a time, see
/// <see cref="SnippetMatcher"/>), against the terms the query actually matched, fuzzy
/// expansions included, so a typo'd query still marks the right words. Scans at most
/// <see cref="ScanLimit"/> characters: a long body's snippet costs the same as a short one's.
/// </summary>
public static class SnippetBuilder
{
    public const int Length = 220;
    public const int ScanLimit = 5_000;
    private const int MaxMatches = 40;
    private const int Lead = 40;

    /// <summary>The snippet of one text (a search builds those of all its hits with one <see cref="SnippetMatcher"/>).</summary>
    public static string Build(string text, SnippetTerms terms, SearchLanguage language) => Build(text, new SnippetMatcher(terms, language));

    public static string Build(string text, SnippetMatcher matcher)
    {
        if (text.Length == 0)
        {
            return "";
        }
        var matches = matcher.Terms.IsEmpty ? [] : FindMatches(text, matcher);
        if (matches.Count == 0)
        {
            var end = text.Length <= Length ? text.Length : WordEnd(text, Length);
            return Render(text, 0, end, matches);
        }
        var (bestStart, bestEnd) = BestWindow(text, matches);
        return Render(text, bestStart, bestEnd, matches);
    }

    private static List<(int Start, int End, string Term)> FindMatches(string text, SnippetMatcher matcher)
    {
        var matches = matcher.Matches;
        matches.Clear();
        var limit = Math.Min(text.Length, ScanLimit);
        var start = -1;
        for (var i = 0; i <= limit && matches.Count < MaxMatches; i++)
        {
            // ASCII answered here (the rule's own answer: letters and digits, apostrophes between letters), the rest by the rule.
            var inWord = i < limit && (text[i] < 128
                ? char.IsAsciiLetterOrDigit(text[i]) || (text[i] == '\'' && QueryWords.IsWordChar(text, i))
                : QueryWords.IsWordChar(text, i));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (matcher.Match(text.AsSpan(start, i - start)) is { } term)
                {
                    matches.Add((start, i, term));
                }
                start = -1;
            }
        }
        return matches;
    }

    /// <summary>The window starting a little before a match that covers the most distinct terms, then the most matches.</summary>
    private static (int Start, int End) BestWindow(string text, List<(int Start, int End, string Term)> matches)
    {
        var best = 0;
        var bestScore = -1;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            var windowEnd = matches[i].Start + Length - Lead;
            distinct.Clear();
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

    /// <summary>
    /// The window, escaped, with line breaks as spaces (a snippet is one paragraph) and its matches marked, written
    /// straight into the string: its length is counted first (no builder to grow and copy).
    /// </summary>
    private static string Render(string text, int start, int end, List<(int Start, int End, string Term)> matches)
    {
        var length = (start > 0 ? 1 : 0) + (end < text.Length ? 1 : 0);
        foreach (var c in text.AsSpan(start, end - start))
        {
            length += c is '<' or '>' or '&' or '"' or '\'' ? Escaped(c).Length : 1;
        }
        var position = start;
        foreach (var (matchStart, matchEnd, _) in matches)
        {
            if (matchStart >= position && matchEnd <= end)
            {
                length += MarkOpen.Length + MarkClose.Length;
                position = matchEnd;
            }
        }
        return string.Create(length, (text, start, end, matches), static (output, state) =>
        {
            var (text, start, end, matches) = state;
            var written = 0;
            if (start > 0)
            {
                output[written++] = '…';
            }
            var position = start;
            foreach (var (matchStart, matchEnd, _) in matches)
            {
                if (matchStart < position || matchEnd > end)
                {
                    continue;
                }
                written = Write(output, written, text, position, matchStart);
                MarkOpen.CopyTo(output[written..]);
                written = Write(output, written + MarkOpen.Length, text, matchStart, matchEnd);
                MarkClose.CopyTo(output[written..]);
                written += MarkClose.Length;
                position = matchEnd;
            }
            written = Write(output, written, text, position, end);
            if (end < text.Length)
            {
                output[written] = '…';
            }
        });
    }

    private const string MarkOpen = "<mark>";
    private const string MarkClose = "</mark>";

    private static int Write(Span<char> output, int written, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '<' or '>' or '&' or '"' or '\'' or '\n' or '\r')
            {
                var escaped = Escaped(c);
                escaped.CopyTo(output[written..]);
                written += escaped.Length;
            }
            else
            {
                output[written++] = c;
            }
        }
        return written;
    }

    /// <summary>One of the characters <see cref="Write"/> replaces, HTML-escaped (a line break as a space).</summary>
    private static string Escaped(char c) => c switch
    {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => " ",
    };
}
