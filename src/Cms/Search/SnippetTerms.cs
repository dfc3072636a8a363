namespace PoleKnowledge.Cms.Search;

/// <summary>The words to mark in a snippet: light stems (<see cref="Analysis.SearchLanguage.NormalizeWord"/>) and Snowball stems (<see cref="Analysis.SearchLanguage.NormalizeMorphology"/>).</summary>
public sealed class SnippetTerms
{
    public SnippetTerms(IEnumerable<string> light, IEnumerable<string> morphology)
    {
        Light = new HashSet<string>(light, StringComparer.Ordinal);
        Morphology = new HashSet<string>(morphology, StringComparer.Ordinal);
        LightLookup = Light.GetAlternateLookup<ReadOnlySpan<char>>();
        // Snowball stems start like the words they come from: only words starting like one are stemmed again.
        MorphologyPrefixes = new HashSet<string>(Morphology.Select(Prefix), StringComparer.Ordinal);
        MorphologyPrefixLookup = MorphologyPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        FirstLetters = [.. Light.Concat(Morphology).Where(t => t.Length > 0).Select(t => t[0])];
        foreach (var term in Light.Concat(Morphology))
        {
            if (term.Length < 2)
            {
                // A one-letter term: every word may match, the two-letter test is off.
                FirstTwoLetters = null;
                break;
            }
            FirstTwoLetters!.Add(Pair(term[0], term[1]));
        }
        foreach (var letter in FirstLetters)
        {
            if (letter < 128)
            {
                _asciiFirstLetters[letter] = true;
            }
        }
        foreach (var pair in FirstTwoLetters ?? [])
        {
            var (first, second) = (pair >> 16, pair & 0xFFFF);
            if (first < 128 && second < 128)
            {
                _asciiPairs[(first * 2) + (second >> 6)] |= 1UL << (second & 63);
            }
        }
    }

    // The same sets as bits for ASCII letters (nearly every letter once folded): a word's test costs no hashing.
    private readonly bool[] _asciiFirstLetters = new bool[128];
    private readonly ulong[] _asciiPairs = new ulong[128 * 2];

    /// <summary>Whether a term starts with this (folded) letter.</summary>
    public bool MayStartWith(char first) => first < 128 ? _asciiFirstLetters[first] : FirstLetters.Contains(first);

    /// <summary>Whether a term starts with these two (folded) letters (always when <see cref="ChecksSecondLetter"/> is false).</summary>
    public bool MayStartWith(char first, char second) =>
        FirstTwoLetters is not { } pairs ? true
        : first < 128 && second < 128 ? ((_asciiPairs[(first * 2) + (second >> 6)] >> (second & 63)) & 1) != 0
        : pairs.Contains(Pair(first, second));

    /// <summary>Whether every term has two letters or more, so that a word's second letter can rule it out.</summary>
    public bool ChecksSecondLetter => FirstTwoLetters is not null;

    /// <summary>
    /// The first two letters of all terms (null when a term is shorter). Light and Snowball stems keep the first
    /// letters of their word, so a word starting otherwise (folded, after an elided article) is not normalised:
    /// <c>la</c>, <c>le</c>, <c>de</c>, <c>et</c>… are most of a French text and never reach the stemmers.
    /// </summary>
    public HashSet<int>? FirstTwoLetters { get; } = [];

    public static int Pair(char first, char second) => (first << 16) | second;

    /// <summary>The first letters of all terms: a word starting otherwise (once folded) cannot match, and is not normalised.</summary>
    public HashSet<char> FirstLetters { get; }

    public const int PrefixLength = 3;

    public static SnippetTerms None { get; } = new([], []);

    public HashSet<string> Light { get; }
    public HashSet<string> Morphology { get; }
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LightLookup { get; }
    private HashSet<string> MorphologyPrefixes { get; }
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MorphologyPrefixLookup { get; }

    public bool IsEmpty => Light.Count == 0 && Morphology.Count == 0;

    /// <summary>Whether a normalised word could have a Snowball stem among <see cref="Morphology"/>.</summary>
    public bool MayMatchMorphology(ReadOnlySpan<char> normalized) =>
        Morphology.Count > 0 && MorphologyPrefixLookup.Contains(normalized[..Math.Min(PrefixLength, normalized.Length)]);

    private static string Prefix(string stem) => stem[..Math.Min(PrefixLength, stem.Length)];
}
