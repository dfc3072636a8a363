using PoleKnowledge.Cms.Search;
using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Tests.Search;

public sealed class SnippetBuilderTests
{
    /// <summary>The terms as the engine hands them over: words normalised like the stemmed fields.</summary>
    private static SnippetTerms Terms(params string[] words) => new(new HashSet<string>(words.Select(Stem)), new HashSet<string>());

    private static string Stem(string word)
    {
        var buffer = new char[64];
        return new string(buffer, 0, SearchLanguage.French.NormalizeWord(word, buffer));
    }

    [Fact]
    public void MarksEveryFormOfTheTerms_AndEscapesTheRest()
    {
        var snippet = SnippetBuilder.Build("Les <b>bénévoles</b> & le Bénévole de l'association", Terms("bénévole", "association"), SearchLanguage.French);
        Assert.Equal("Les &lt;b&gt;<mark>bénévoles</mark>&lt;/b&gt; &amp; le <mark>Bénévole</mark> de <mark>l&#39;association</mark>", snippet);
    }

    [Theory]
    [InlineData("Une Œuvre collective et des œuvres", "oeuvre", "Une <mark>Œuvre</mark> collective et des <mark>œuvres</mark>")]
    [InlineData("À l'ÉCOLE, à l’école", "ecole", "À <mark>l&#39;ÉCOLE</mark>, à <mark>l’école</mark>")]
    [InlineData("la loi et les lois", "loi", "la <mark>loi</mark> et les <mark>lois</mark>")]
    [InlineData("l'AG a voté", "ag", "<mark>l&#39;AG</mark> a voté")]
    public void MarksWordsWhateverTheirCaseAccentsLigaturesAndArticles(string text, string term, string expected)
    {
        Assert.Equal(expected, SnippetBuilder.Build(text, Terms(term), SearchLanguage.French));
    }

    [Fact]
    public void PicksTheWindowWithTheMostDistinctTerms()
    {
        var text = "dissolution " + string.Join(' ', Enumerable.Repeat("remplissage", 100)) + " dissolution de l'association";
        var snippet = SnippetBuilder.Build(text, Terms("dissolution", "association"), SearchLanguage.French);
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>dissolution</mark> de <mark>l&#39;association</mark>", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < SnippetBuilder.Length + 100);
    }

    [Fact]
    public void WithoutMatch_StartsAtTheBeginning()
    {
        var snippet = SnippetBuilder.Build(string.Join(' ', Enumerable.Repeat("mot", 200)), Terms("autre"), SearchLanguage.French);
        Assert.StartsWith("mot mot", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void MarksOtherWordFormsThroughTheMorphologyStems()
    {
        var terms = new SnippetTerms(new HashSet<string>(), new HashSet<string> { "declar" });
        Assert.Equal("La <mark>déclaration</mark> initiale", SnippetBuilder.Build("La déclaration initiale", terms, SearchLanguage.French));
    }
}
