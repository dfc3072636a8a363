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
    public int NormalizeWord(ReadOnlySpan<char> word, char[] buffer)
    {
        var scratch = new char[word.Length];
        return NormalizeWord(word, buffer, scratch);
    }

    /// <summary>The same without allocating: <paramref name="scratch"/> holds at least the word's length.</summary>
    public int NormalizeWord(ReadOnlySpan<char> word, char[] buffer, char[] scratch)
    {
        var lowered = InvariantLowerCaseFilter.ToLower(word, scratch);
        var length = ASCIIFoldingFilter.FoldToASCII(scratch, 0, buffer, 0, lowered);
        var apostrophe = Array.IndexOf(buffer, '\'', 0, length);
        if (apostrophe > 0 && IsArticle(buffer.AsSpan(0, apostrophe)))
        {
            Array.Copy(buffer, apostrophe + 1, buffer, 0, length - apostrophe - 1);
            length -= apostrophe + 1;
        }
        return length == 0 ? 0 : _stem(buffer, length);
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
