using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Groups of equivalent expressions read from <c>content-schema/search/synonyms.txt</c> (one group per line,
/// alternatives separated by commas, <c>#</c> starts a comment), so editors extend them without code.
/// Expressions are compared word by word after the stemmed fields' normalisation, so
/// "sociétés coopératives d'intérêt collectif" matches the line's "société coopérative d'intérêt collectif".
/// Applied to queries only: the index stays as written.
/// </summary>
public sealed class SynonymSet
{
    private readonly List<SynonymAlternative[]> _groups = [];

    public static SynonymSet Empty { get; } = new();

    public int Count => _groups.Count;

    /// <summary>Reads the file; a missing file gives an empty set.</summary>
    public static SynonymSet Load(string path)
    {
        var set = new SynonymSet();
        if (!File.Exists(path))
        {
            return set;
        }
        foreach (var raw in File.ReadLines(path))
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var alternatives = line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(a => new SynonymAlternative(a, Normalize(QueryWords.Split(a))))
                .Where(a => a.Words.Length > 0)
                .ToArray();
            if (alternatives.Length > 1)
            {
                set._groups.Add(alternatives);
            }
        }
        return set;
    }

    /// <summary>The longest expression of any group that starts at <paramref name="start"/> of the normalised words, with its group.</summary>
    public (SynonymAlternative[] Group, int Length)? Match(IReadOnlyList<string> normalizedWords, int start)
    {
        (SynonymAlternative[] Group, int Length)? best = null;
        foreach (var group in _groups)
        {
            foreach (var alternative in group)
            {
                var words = alternative.Words;
                if (words.Length <= normalizedWords.Count - start && (best is null || words.Length > best.Value.Length) && Matches(words, normalizedWords, start))
                {
                    best = (group, words.Length);
                }
            }
        }
        return best;
    }

    /// <summary>Whether a word (as typed or folded) is part of some expression of the file.</summary>
    public bool ContainsWord(string word)
    {
        var normalized = Normalize([word]);
        return normalized.Length == 1 && _groups.Any(g => g.Any(a => a.Words.Contains(normalized[0])));
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

    private static bool Matches(string[] alternative, IReadOnlyList<string> words, int start)
    {
        for (var i = 0; i < alternative.Length; i++)
        {
            if (!string.Equals(alternative[i], words[start + i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
