using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// The query-side thesaurus read from <c>content-schema/search/synonyms.txt</c>, so editors extend it without
/// code. One rule per line, <c>#</c> starts a comment:
/// <list type="bullet">
/// <item><c>a, b, c</c>: a group of equivalent expressions; a query holding any of them also finds the others.</item>
/// <item><c>a, b =&gt; c, d</c>: a one-way implication; a query holding <c>a</c> or <c>b</c> also finds <c>c</c>
/// and <c>d</c>, but a query holding <c>c</c> does not find <c>a</c> (everyday words towards the administrative
/// ones: "chez soi" implies "domicile", not the reverse).</item>
/// </list>
/// Expressions are compared word by word after the stemmed fields' normalisation, so "sociétés coopératives
/// d'intérêt collectif" matches the line's "société coopérative d'intérêt collectif". The words of a multi-word
/// expression may be apart in the query by up to <see cref="MaxGap"/> words each ("travailler depuis chez soi"
/// holds "travailler chez soi"). Rules are indexed by their first word: matching a query costs a dictionary
/// lookup per word and a comparison per expression starting with it, however long the file. Applied to queries
/// only: the index stays as written.
/// </summary>
public sealed class SynonymSet
{
    /// <summary>At most this many query words between two consecutive words of an expression.</summary>
    public const int MaxGap = 2;

    private readonly Dictionary<string, List<(SynonymAlternative Pattern, SynonymAlternative[] Expansions, bool OneWay)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    public static SynonymSet Empty { get; } = new();

    /// <summary>Number of rules (lines) read.</summary>
    public int Count { get; private set; }

    /// <summary>Reads the file; a missing file gives an empty set.</summary>
    public static SynonymSet Load(string path) => File.Exists(path) ? Parse(File.ReadLines(path)) : new SynonymSet();

    /// <summary>Reads rules from lines in the file's syntax (see the class summary).</summary>
    public static SynonymSet Parse(IEnumerable<string> lines)
    {
        var set = new SynonymSet();
        foreach (var raw in lines)
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                var patterns = Alternatives(line[..arrow]);
                var expansions = Alternatives(line[(arrow + 2)..]);
                if (patterns.Length > 0 && expansions.Length > 0)
                {
                    set.Add(patterns, expansions, oneWay: true);
                }
                continue;
            }
            var group = Alternatives(line);
            if (group.Length > 1)
            {
                set.Add(group, group, oneWay: false);
            }
        }
        return set;
    }

    private void Add(SynonymAlternative[] patterns, SynonymAlternative[] expansions, bool oneWay)
    {
        Count++;
        foreach (var pattern in patterns)
        {
            if (!_byFirstWord.TryGetValue(pattern.Words[0], out var rules))
            {
                _byFirstWord[pattern.Words[0]] = rules = [];
            }
            rules.Add((pattern, expansions, oneWay));
            _words.UnionWith(pattern.Words);
        }
        foreach (var expansion in expansions)
        {
            _words.UnionWith(expansion.Words);
        }
    }

    private static SynonymAlternative[] Alternatives(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => new SynonymAlternative(a, Normalize(QueryWords.Split(a))))
            .Where(a => a.Words.Length > 0)];

    /// <summary>
    /// The expression that starts at <paramref name="start"/> of the normalised words and covers the most
    /// words (then the fewest gaps), with what it expands to; null when none does.
    /// </summary>
    public SynonymMatch? Match(IReadOnlyList<string> normalizedWords, int start)
    {
        if (!_byFirstWord.TryGetValue(normalizedWords[start], out var rules))
        {
            return null;
        }
        SynonymMatch? best = null;
        var bestSpan = int.MaxValue;
        foreach (var (pattern, expansions, oneWay) in rules)
        {
            if (best is not null && pattern.Words.Length < best.Positions.Length)
            {
                continue;
            }
            if (Find(pattern.Words, normalizedWords, start) is not { } positions)
            {
                continue;
            }
            var span = positions[^1] - positions[0];
            if (best is null || positions.Length > best.Positions.Length || span < bestSpan)
            {
                best = new SynonymMatch(pattern, expansions, positions, oneWay);
                bestSpan = span;
            }
        }
        return best;
    }

    /// <summary>Whether a word (as typed or folded) is part of some expression of the file.</summary>
    public bool ContainsWord(string word)
    {
        var normalized = Normalize([word]);
        return normalized.Length == 1 && _words.Contains(normalized[0]);
    }

    /// <summary>Words normalised as the French stemmed fields do (the synonyms file is French).</summary>
    public static string[] Normalize(IEnumerable<string> words)
    {
        var result = new List<string>();
        foreach (var word in words)
        {
            var buffer = new char[Math.Max(16, word.Length * 4)];
            var length = SearchLanguage.French.NormalizeWord(word, buffer);
            if (length > 0)
            {
                result.Add(new string(buffer, 0, length));
            }
        }
        return [.. result];
    }

    /// <summary>The positions of the expression's words in order from <paramref name="start"/>, each at most <see cref="MaxGap"/> words after the previous one (the nearest occurrence).</summary>
    private static int[]? Find(string[] expression, IReadOnlyList<string> words, int start)
    {
        var positions = new int[expression.Length];
        positions[0] = start;
        for (var i = 1; i < expression.Length; i++)
        {
            var found = -1;
            for (var j = positions[i - 1] + 1; j < words.Count && j <= positions[i - 1] + 1 + MaxGap; j++)
            {
                if (string.Equals(expression[i], words[j], StringComparison.Ordinal))
                {
                    found = j;
                    break;
                }
            }
            if (found < 0)
            {
                return null;
            }
            positions[i] = found;
        }
        return positions;
    }
}
