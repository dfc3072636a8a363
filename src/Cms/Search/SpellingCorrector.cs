using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Search.Analysis;
using PoleKnowledge.Cms.Search.Querying;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// "Did you mean": each word of the query (not a synonym: "asso" is known through its group) unknown to the plain (folded, unstemmed) field is replaced by the
/// closest word of that field's dictionary (fewest edits, then most documents), found with Lucene's
/// automaton-based <see cref="FuzzyTermsEnum"/> rather than by scanning the dictionary.
/// </summary>
internal static class SpellingCorrector
{
    /// <summary>At most this many unknown words of one query are looked up for a correction.</summary>
    public const int MaxLookups = 4;

    /// <summary>
    /// Each lookup tries one edit (a transposition counts as one: a cheap automaton, nearly every typo), then two
    /// for a word of five letters or more, but for at most this many words of one query.
    /// </summary>
    public const int MaxWideLookups = 2;

    /// <summary>For each word of the query unknown to the index (plain token), its closest known spelling; empty when all are known.</summary>
    /// <param name="documentFrequency">How many documents hold a word in the plain field (the search's cached lookup).</param>
    public static Dictionary<string, string> Corrections(IndexReader reader, Analyzer plain, IReadOnlyList<SearchQueryTerm> terms, SynonymSet synonyms, Func<string, int> documentFrequency)
    {
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        var dictionary = MultiFields.GetTerms(reader, SearchFieldNames.Plain);
        if (dictionary is null)
        {
            return corrections;
        }
        var lookups = 0;
        var wide = 0;
        var looked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (term.IsPhrase || term.IsExcluded || term.IsPrefix)
            {
                continue;
            }
            foreach (var (token, _) in TextAnalysis.Analyze(plain, SearchFieldNames.Plain, term.Text))
            {
                if (token.Length < 3 || token.Any(char.IsDigit) || !looked.Add(token) || synonyms.ContainsWord(token)
                    || documentFrequency(token) > 0)
                {
                    continue;
                }
                // Each lookup walks the term dictionary with a Levenshtein automaton (up to two edits): a query of
                // a dozen unknown words is noise, not a dozen typos, and must not cost a dozen walks.
                if (++lookups > MaxLookups)
                {
                    return corrections;
                }
                // Two edits cost several times one (a bigger automaton, more of the dictionary walked): at most
                // MaxWideLookups words of a query get them.
                var correction = Closest(dictionary, token, 1);
                if (correction is null && token.Length > 4 && wide++ < MaxWideLookups)
                {
                    correction = Closest(dictionary, token, 2);
                }
                if (correction is not null)
                {
                    corrections[token] = correction;
                }
            }
        }
        if (lookups == 0)
        {
            RealWordCorrection(reader, dictionary, plain, terms, synonyms, corrections, documentFrequency);
        }
        return corrections;
    }

    /// <summary>A short query's words may sit this many positions apart (or swapped) in a document and still count as found together.</summary>
    private const int PairSlop = 3;

    /// <summary>At most this many one-edit variants of each word are tried, the most frequent first.</summary>
    private const int VariantsPerWord = 3;

    /// <summary>
    /// A typo that makes another real word ("grade a vue" for "garde à vue") is invisible to the lookup above:
    /// every word is known. In a query of two or three words, all known, of which one is uncommon, and which no
    /// document holds together, each word's most frequent one-edit variants are tried in its place; a variant
    /// with which the words are found together in many more documents (<see cref="RealWordGain"/>) is taken as
    /// the correction (searched beside the word typed, and offered as "did you mean"). Bounded: at most three
    /// one-edit dictionary walks and <see cref="VariantsPerWord"/> phrase counts per word, and only for such
    /// queries; common pairs stop at the first count.
    /// </summary>
    private static void RealWordCorrection(IndexReader reader, Terms dictionary, Analyzer plain, IReadOnlyList<SearchQueryTerm> terms, SynonymSet synonyms, Dictionary<string, string> corrections, Func<string, int> documentFrequency)
    {
        var words = new List<(string Term, int Position)>();
        var offset = 0;
        foreach (var term in terms)
        {
            if (term.IsPhrase || term.IsExcluded || term.IsPrefix)
            {
                return;
            }
            var last = offset;
            foreach (var (token, position) in TextAnalysis.Analyze(plain, SearchFieldNames.Plain, term.Text))
            {
                last = offset + position;
                if (token.Length >= 3 && !SearchStopWords.French.Contains(token) && !SearchStopWords.QuestionWords.Contains(token))
                {
                    words.Add((token, last));
                }
            }
            offset = last + 1;
        }
        if (words.Count is < 2 or > 3 || words.Any(w => synonyms.ContainsWord(w.Term) || w.Term.Any(char.IsDigit)))
        {
            return;
        }
        var frequencies = words.Select(w => documentFrequency(w.Term)).ToArray();
        if (frequencies.Min() > Math.Max(UncommonWord, reader.MaxDoc / 20))
        {
            return;
        }
        var searcher = new IndexSearcher(reader);
        var together = CountTogether(searcher, words);
        if (together >= RealWordGain)
        {
            return;
        }
        string? bestWord = null;
        string? bestVariant = null;
        var bestCount = (together + 1) * RealWordGain - 1;
        for (var i = 0; i < words.Count; i++)
        {
            if (SearchQueryBuilder.MaxEdits(words[i].Term) == 0)
            {
                continue;
            }
            foreach (var variant in Variants(dictionary, words[i].Term, frequencies[i]))
            {
                var replaced = words.Select((w, j) => j == i ? (variant, w.Position) : w).ToList();
                var count = CountTogether(searcher, replaced);
                if (count > bestCount)
                {
                    (bestWord, bestVariant, bestCount) = (words[i].Term, variant, count);
                }
            }
        }
        if (bestWord is not null && bestVariant is not null)
        {
            corrections[bestWord] = bestVariant;
        }
    }

    /// <summary>Below this many documents (or 5 % of them), a word is uncommon enough to be a real-word typo.</summary>
    private const int UncommonWord = 50;

    /// <summary>A variant must find the words together in this many times more documents (and at least this many).</summary>
    private const int RealWordGain = 4;

    /// <summary>The most frequent one-edit neighbours of a word, more frequent than it.</summary>
    private static List<string> Variants(Terms dictionary, string word, int frequency)
    {
        var candidates = new FuzzyTermsEnum(dictionary, new AttributeSource(), new Term(SearchFieldNames.Plain, word), 1, 1, true);
        var found = new List<(string Term, int Frequency)>();
        var seen = 0;
        while (candidates.MoveNext() && seen++ < 200)
        {
            var candidate = candidates.Term.Utf8ToString();
            if (candidates.DocFreq > frequency && candidate != word)
            {
                found.Add((candidate, candidates.DocFreq));
            }
        }
        return [.. found.OrderByDescending(f => f.Frequency).Take(VariantsPerWord).Select(f => f.Term)];
    }

    private static int CountTogether(IndexSearcher searcher, List<(string Term, int Position)> words)
    {
        var phrase = new PhraseQuery { Slop = PairSlop };
        foreach (var (term, position) in words)
        {
            phrase.Add(new Term(SearchFieldNames.Plain, term), position - words[0].Position);
        }
        var collector = new TotalHitCountCollector();
        searcher.Search(phrase, collector);
        return collector.TotalHits;
    }

    /// <summary>The query as typed with its corrected words replaced (phrases, prefixes and exclusions kept), or null when nothing changes.</summary>
    public static string? Apply(Analyzer plain, IReadOnlyList<SearchQueryTerm> terms, IReadOnlyDictionary<string, string> corrections)
    {
        if (corrections.Count == 0)
        {
            return null;
        }
        var parts = new List<string>();
        foreach (var term in terms)
        {
            if (term.IsPhrase || term.IsExcluded || term.IsPrefix)
            {
                parts.Add(Render(term, term.Text));
                continue;
            }
            parts.Add(Correct(plain, term.Text, corrections) ?? term.Text);
        }
        return string.Join(' ', parts);
    }

    /// <summary>One word with its corrected tokens (null when none is corrected).</summary>
    public static string? Correct(Analyzer plain, string word, IReadOnlyDictionary<string, string> corrections)
    {
        var tokens = TextAnalysis.Analyze(plain, SearchFieldNames.Plain, word);
        return tokens.Any(t => corrections.ContainsKey(t.Term)) ? string.Join(' ', tokens.Select(t => corrections.GetValueOrDefault(t.Term) ?? t.Term)) : null;
    }

    private static string Render(SearchQueryTerm term, string text) =>
        (term.IsExcluded ? "-" : "") + (term.IsPhrase ? "\"" + text + "\"" : text) + (term.IsPrefix ? "*" : "");

    private static string? Closest(Terms terms, string word, int maxEdits)
    {
        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(SearchFieldNames.Plain, word), maxEdits, 1, true);
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        var seen = 0;
        while (candidates.MoveNext() && seen++ < 500)
        {
            var candidate = candidates.Term.Utf8ToString();
            var distance = Distance(word, candidate);
            var frequency = candidates.DocFreq;
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
            {
                best = candidate;
                bestDistance = distance;
                bestFrequency = frequency;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
