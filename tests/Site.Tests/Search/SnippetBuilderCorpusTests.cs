using PoleKnowledge.Cms.Search;
using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Site.Tests.Search;

/// <summary>
/// The snippet builder and the word normalisation give exactly what they gave before they were made cheaper
/// (<see cref="ReferenceSnippetBuilder"/>): same window, same marks, on every document of the bundled corpus with
/// term sets of several kinds, and on every character of the Basic Multilingual Plane.
/// </summary>
public sealed class SnippetBuilderCorpusTests
{
    private static readonly Lazy<List<string>> Texts = new(() =>
        [.. Directory.EnumerateFiles(CorpusHubFixture.CorpusFolder(), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)]);

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void NormalizeWord_GivesTheReferenceResult_ForEveryWordOfTheCorpus(string code)
    {
        var language = code == "en" ? SearchLanguage.English : SearchLanguage.French;
        var words = Texts.Value.SelectMany(QueryWords.Split).Where(w => w.Length <= 60).ToHashSet(StringComparer.Ordinal);
        Assert.True(words.Count > 30_000, $"only {words.Count} distinct words");
        var buffer = new char[256];
        var scratch = new char[64];
        foreach (var word in words.Concat(words.Select(w => w.ToUpperInvariant())))
        {
            var expected = ReferenceSnippetBuilder.NormalizeWord(word, language);
            Assert.Equal(expected, new string(buffer, 0, language.NormalizeWord(word, buffer, scratch)));
            Assert.Equal(expected, new string(buffer, 0, language.NormalizeWord(word, buffer)));
        }
    }

    [Fact]
    public void NormalizeWord_GivesTheReferenceResult_ForEveryCharacter()
    {
        var buffer = new char[256];
        var scratch = new char[64];
        for (var c = 1; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }
            var letter = ((char)c).ToString();
            foreach (var word in new[] { letter, "a" + letter, letter + "es", "l\u2019" + letter + "aux", letter + letter + "issement", "D'" + letter + "ations" })
            {
                Assert.Equal(ReferenceSnippetBuilder.NormalizeWord(word, SearchLanguage.French), new string(buffer, 0, SearchLanguage.French.NormalizeWord(word, buffer, scratch)));
            }
        }
    }

    [Fact]
    public void Build_GivesTheReferenceSnippet_OnEveryCorpusDocument()
    {
        var random = new Random(20261127);
        var texts = Texts.Value;
        var checkedSnippets = 0;
        var marked = 0;
        for (var index = 0; index < texts.Count; index++)
        {
            var text = texts[index];
            var own = QueryWords.Split(text).Where(w => w.Length > 1).ToList();
            var other = QueryWords.Split(texts[random.Next(texts.Count)]).Where(w => w.Length > 1).ToList();
            if (own.Count == 0 || other.Count == 0)
            {
                continue;
            }
            string Pick(List<string> words) => words[random.Next(words.Count)];
            var termSets = new List<SnippetTerms>
            {
                Light(Pick(own), Pick(own), Pick(own)),
                Light(Pick(own), Pick(other)),
                new([Stem(Pick(own)), Stem(Pick(other))], [Morphology(Pick(own)), Morphology(Pick(own)), Morphology(Pick(other))]),
                Light(Pick(own), "a"), // a one-letter term: the first-two-letters filter is off
                Light(Pick(other), Pick(other)),
                // Many terms, like a query whose fuzzy terms expanded (the snippet stops at 40 matches).
                Light([.. Enumerable.Range(0, 12).Select(_ => Pick(own))]),
            };
            // One matcher for all the term sets' texts, as one search reuses one for its hits.
            foreach (var terms in termSets)
            {
                var matcher = new SnippetMatcher(terms, SearchLanguage.French);
                // Every fifth document also with Windows line breaks and in capitals.
                foreach (var variant in index % 5 == 0 ? new[] { text, text.Replace("\n", "\r\n", StringComparison.Ordinal), text.ToUpperInvariant() } : [text])
                {
                    var expected = ReferenceSnippetBuilder.Build(variant, terms, SearchLanguage.French);
                    var actual = SnippetBuilder.Build(variant, matcher);
                    Assert.True(expected == actual, $"document {index}, terms [{string.Join(", ", terms.Light)}] and [{string.Join(", ", terms.Morphology)}]:\n{expected}\n{actual}");
                    Assert.Equal(expected, SnippetBuilder.Build(variant, terms, SearchLanguage.French));
                    checkedSnippets++;
                    marked += expected.Contains("<mark>", StringComparison.Ordinal) ? 1 : 0;
                }
            }
        }
        Assert.True(checkedSnippets > 25_000, $"only {checkedSnippets} snippets compared");
        // Most compared snippets do mark words: the comparison is not between two unmarked texts.
        Assert.True(marked > checkedSnippets / 2, $"only {marked} of {checkedSnippets} snippets marked");
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!! ??? ...")]
    [InlineData("l'")]
    [InlineData("L\u2019Œuvre des œuvres, l'ŒUVRE ; ŒUVRES et cœurs")]
    [InlineData("à l'école, À L\u2019ÉCOLE, aux écoles : l'école-collège")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz oeuvre")]
    [InlineData("Straße, ΑΘΗΝΑ, Ĳsselmeer, ﬁnancement, financements, FINANCEMENT")]
    [InlineData("1er janvier 2024 : 1 500 € et 20 % pour l'AG n°3 <b>&\"'</b>")]
    public void Build_GivesTheReferenceSnippet_OnEdgeCases(string text)
    {
        foreach (var terms in new[]
        {
            Light("oeuvre", "école", "financement", "ag", "1er"),
            Light("straße", "αθηνα", "ĳsselmeer", "a"),
            new SnippetTerms([], [Morphology("financement"), Morphology("écoles")]),
            SnippetTerms.None,
        })
        {
            var repeated = string.Join("\n", Enumerable.Repeat(text, 400));
            foreach (var variant in new[] { text, repeated })
            {
                Assert.Equal(ReferenceSnippetBuilder.Build(variant, terms, SearchLanguage.French), SnippetBuilder.Build(variant, terms, SearchLanguage.French));
            }
        }
    }

    private static SnippetTerms Light(params string[] words) => new([.. words.Select(Stem)], []);

    private static string Stem(string word) => ReferenceSnippetBuilder.NormalizeWord(word, SearchLanguage.French);

    private static string Morphology(string word) => SearchLanguage.French.NormalizeMorphology(word, SearchLanguage.French.CreateMorphologyStemmer());
}
