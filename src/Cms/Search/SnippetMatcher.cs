using Lucene.Net.Tartarus.Snowball;
using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Tells which words of a hit's text the query matched, for <see cref="SnippetBuilder"/>. A word is first tested
/// on its first two letters (<see cref="SnippetTerms.MayStartWith(char, char)"/>: articles and prepositions, most
/// of a French text, stop there), then normalised like the stemmed fields (<see cref="SearchLanguage.NormalizeWord(ReadOnlySpan{char}, char[], char[])"/>)
/// and, failing that, stemmed like the morphology fields, and looked up among the terms. The answer for each
/// word that got that far is remembered: one matcher serves all the hits of a search, so a word met again in the
/// same text or in the next hit is never normalised twice. One per search: not thread-safe.
/// </summary>
public sealed class SnippetMatcher
{
    /// <summary>Words longer than this are never marked (no term is that long).</summary>
    public const int MaxWordLength = 60;

    /// <summary>At most this many words remembered (a few hundred distinct candidates is the usual).</summary>
    private const int MaxRemembered = 4096;

    private readonly SearchLanguage _language;
    private readonly char[] _buffer = new char[4 * MaxWordLength + 16];
    private readonly char[] _scratch = new char[MaxWordLength];
    private readonly Dictionary<string, string?> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _knownLookup;
    private SnowballProgram? _stemmer;

    public SnippetMatcher(SnippetTerms terms, SearchLanguage language)
    {
        Terms = terms;
        _language = language;
        _knownLookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public SnippetTerms Terms { get; }

    /// <summary>The matches of the text <see cref="SnippetBuilder"/> is working on (one list for all the hits of the search).</summary>
    internal List<(int Start, int End, string Term)> Matches { get; } = new(64);

    /// <summary>
    /// The term <paramref name="word"/> matches: its light stem as it is among <see cref="SnippetTerms.Light"/>, or
    /// <c>~</c> and its Snowball stem; null when it matches none (or is longer than <see cref="MaxWordLength"/>).
    /// </summary>
    public string? Match(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWordLength || !MayMatch(word))
        {
            return null;
        }
        if (_knownLookup.TryGetValue(word, out var known))
        {
            return known;
        }
        var match = Normalize(word);
        if (_known.Count < MaxRemembered)
        {
            _knownLookup[word] = match;
        }
        return match;
    }

    private string? Normalize(ReadOnlySpan<char> word)
    {
        var length = _language.NormalizeWord(word, _buffer, _scratch);
        if (length == 0)
        {
            return null;
        }
        var normalized = _buffer.AsSpan(0, length);
        if (Terms.LightLookup.TryGetValue(normalized, out var light))
        {
            return light;
        }
        if (Terms.MayMatchMorphology(normalized))
        {
            _stemmer ??= _language.CreateMorphologyStemmer();
            if (_language.NormalizeMorphology(word, _stemmer) is { Length: > 0 } morphology && Terms.Morphology.Contains(morphology))
            {
                return "~" + morphology;
            }
        }
        return null;
    }

    /// <summary>Whether the word's first letters (after an elided article, lower-cased and folded) start one of the terms.</summary>
    private bool MayMatch(ReadOnlySpan<char> word)
    {
        var apostrophe = word.IndexOfAny('\'', '\u2019');
        if (apostrophe is > 0 and <= 7 && apostrophe + 1 < word.Length)
        {
            word = word[(apostrophe + 1)..];
        }
        var first = Fold(word[0]);
        if (!Terms.MayStartWith(first))
        {
            return false;
        }
        if (!Terms.ChecksSecondLetter)
        {
            return true;
        }
        if (word[0] < FoldTableSize && FoldsToSeveral[word[0]])
        {
            // œ, æ: the second letter of the folded word is the folding's own.
            return true;
        }
        // A one-letter word cannot give a stem of two letters or more.
        return word.Length >= 2 && Terms.MayStartWith(first, Fold(word[1]));
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
}
