using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Tartarus.Snowball;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>
/// A language of the search fields: the code in their names (<c>search.body.fr</c>), the stemming analyser of
/// those fields, and the same normalisation applied to one word at a time for snippets (fold, elision, stem),
/// which is much cheaper than running an analyser over a whole body per hit.
/// Cultures map to a language by their two-letter prefix; anything but English is analysed as French, the
/// hub's first language.
/// </summary>
public sealed class SearchLanguage
{
    private static readonly string[] FrenchArticles = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"];
    private readonly Func<char[], int, int> _stem;

    private readonly Func<Analyzer> _createAnalyzer;
    private readonly Func<SnowballProgram> _createMorphology;

    private SearchLanguage(string code, Func<Analyzer> createAnalyzer, Func<char[], int, int> stem, Func<SnowballProgram> createMorphology)
    {
        Code = code;
        _createAnalyzer = createAnalyzer;
        _stem = stem;
        _createMorphology = createMorphology;
    }

    public static SearchLanguage French { get; } = new("fr", () => new FrenchSearchAnalyzer(), new FrenchLightStemmer().Stem, () => new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer());

    public static SearchLanguage English { get; } = new("en", () => new EnglishSearchAnalyzer(), new EnglishMinimalStemmer().Stem, () => new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer());

    public static IReadOnlyList<SearchLanguage> All { get; } = [French, English];

    public string Code { get; }

    /// <summary>A new analyser for the stemmed fields of this language (the index owns and disposes the ones it is given).</summary>
    public Analyzer CreateAnalyzer() => _createAnalyzer();

    /// <summary>A new analyser for the morphology (Snowball) fields of this language.</summary>
    public Analyzer CreateMorphologyAnalyzer() => new MorphologySearchAnalyzer(english: Code == "en");

    /// <summary>A Snowball stemmer of this language (not thread-safe: one per caller).</summary>
    public SnowballProgram CreateMorphologyStemmer() => _createMorphology();

    /// <summary>One word as the morphology fields see it: lower case, French elision dropped, Snowball stem, folded, French word family.</summary>
    public string NormalizeMorphology(ReadOnlySpan<char> word, SnowballProgram stemmer)
    {
        var lower = word.ToString().ToLowerInvariant().Replace('\u2019', '\'');
        var apostrophe = lower.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe > 0 && IsArticle(lower.AsSpan(0, apostrophe)))
        {
            lower = lower[(apostrophe + 1)..];
        }
        if (lower.Length == 0)
        {
            return "";
        }
        stemmer.SetCurrent(lower);
        stemmer.Stem();
        var stemmed = stemmer.Current.ToCharArray();
        var output = new char[stemmed.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(stemmed, 0, output, 0, stemmed.Length);
        var folded = new string(output, 0, length);
        return Code == "fr" ? DerivationalFamilies.Map(folded) : folded;
    }

    public static SearchLanguage ForCulture(string? culture) =>
        culture is { Length: >= 2 } && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : French;

    /// <summary>
    /// Normalises one word as the stemmed fields do: lower case, fold, drop a French elided article, stem.
    /// <paramref name="buffer"/> is scratch space at least 4 × the word's length; returns the normalised length.
    /// </summary>
    public int NormalizeWord(ReadOnlySpan<char> word, char[] buffer) => NormalizeWord(word, buffer, null);

    /// <summary>
    /// The same, <paramref name="scratch"/> (when given) spared an allocation for letters that fold to several.
    /// Lower-casing then folding works letter by letter (<see cref="InvariantLowerCaseFilter"/>, then
    /// <see cref="ASCIIFoldingFilter"/>): for Latin letters and the typographic apostrophe, which fold to one
    /// character, both steps are read from one table made with those two filters; every other character goes
    /// through them.
    /// </summary>
    public int NormalizeWord(ReadOnlySpan<char> word, char[] buffer, char[]? scratch)
    {
        var length = 0;
        foreach (var c in word)
        {
            var folded = c < LowerFoldedSize ? LowerFolded[c] : c == '\u2019' ? '\'' : NoFolding;
            if (folded != NoFolding)
            {
                buffer[length++] = folded;
            }
            else
            {
                scratch = scratch is { Length: > 0 } ? scratch : new char[1];
                scratch[0] = InvariantLowerCaseFilter.ToLower(c);
                length = ASCIIFoldingFilter.FoldToASCII(scratch, 0, buffer, length, 1);
            }
        }
        var apostrophe = buffer.AsSpan(0, length).IndexOf('\'');
        if (apostrophe > 0 && IsArticle(buffer.AsSpan(0, apostrophe)))
        {
            buffer.AsSpan(apostrophe + 1, length - apostrophe - 1).CopyTo(buffer);
            length -= apostrophe + 1;
        }
        return length == 0 ? 0 : _stem(buffer, length);
    }

    private const int LowerFoldedSize = 0x250;

    /// <summary>Marks the characters of <see cref="LowerFolded"/> that fold to several (œ, æ, ß…).</summary>
    private const char NoFolding = '\uFFFF';

    /// <summary>Each character up to U+024F lower-cased and folded, when that gives exactly one character.</summary>
    private static readonly char[] LowerFolded = CreateLowerFolded();

    private static char[] CreateLowerFolded()
    {
        var table = new char[LowerFoldedSize];
        var output = new char[8];
        for (var c = 0; c < LowerFoldedSize; c++)
        {
            var length = ASCIIFoldingFilter.FoldToASCII([InvariantLowerCaseFilter.ToLower((char)c)], 0, output, 0, 1);
            table[c] = length == 1 ? output[0] : NoFolding;
        }
        return table;
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
}
