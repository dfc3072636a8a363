using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Tests.Search;

/// <summary>The analysers, table-driven: what a text becomes in each kind of search field.</summary>
public sealed class SearchAnalyzerTests
{
    private static string Tokens(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }
        stream.End();
        return string.Join(' ', tokens);
    }

    [Theory]
    // Elision
    [InlineData("l'économie", "econom")]
    [InlineData("L’Économie", "econom")]
    [InlineData("d'intérêt qu'elle jusqu'au", "interet")]
    // Folding of accents and ligatures
    [InlineData("ÉCONOMIE économie economie", "econom econom econom")]
    [InlineData("cœur coeur", "coeu coeu")]
    [InlineData("Noël noel", "noel noel")]
    [InlineData("déjà deja", "deja deja")]
    // Plurals and feminines (light stemming; it also collapses double letters)
    [InlineData("association associations", "asoci asoci")]
    [InlineData("bénévole bénévoles", "benevol benevol")]
    [InlineData("hôpitaux hôpital", "hopital hopital")]
    [InlineData("salarié salariée salariés", "sala sala sala")]
    // Stop words: the short list; pas, sans and contre stay
    [InlineData("le la les des du et à où", "")]
    [InlineData("sans salarié", "san sala")]
    [InlineData("ne pas", "pas")]
    [InlineData("contre la fraude", "contr fraud")]
    // Hyphenated compounds split into their words
    [InlineData("Jean-François", "jean francoi")]
    [InlineData("co-construction", "co construction")]
    // Numbers and acronyms
    [InlineData("loi 1901 du 31 juillet 2014", "loi 1901 31 juilet 2014")]
    [InlineData("agenda21 Agenda 21", "agenda 21 agenda 21")]
    [InlineData("SCIC S.C.O.P. ESS", "scic scop ess")]
    public void French_StemmedFields(string text, string expected)
    {
        using var analyzer = new FrenchSearchAnalyzer();
        Assert.Equal(expected, Tokens(analyzer, text));
    }

    [Theory]
    // Verb and noun of one family meet in the morphology (Snowball) fields
    [InlineData("déclarer déclaration", "declar declar")]
    [InlineData("financer financement", "financ financ")]
    [InlineData("l'assurance assurer", "assur assur")]
    public void French_MorphologyFields(string text, string expected)
    {
        using var analyzer = new MorphologySearchAnalyzer(english: false);
        Assert.Equal(expected, Tokens(analyzer, text));
    }

    [Theory]
    // Families Snowball leaves apart (DerivationalFamilies): every form becomes one term, at index and query time
    [InlineData("dissoudre dissolution dissoute")]
    [InlineData("adhérer adhésion adhérent")]
    [InlineData("vendre vente vendu")]
    [InlineData("créer création créée")]
    [InlineData("exclure exclusion")]
    [InlineData("démissionner démission")]
    [InlineData("rompre rupture")]
    [InlineData("travailler travail")]
    [InlineData("agréer agrément")]
    [InlineData("subventionner subventions")]
    public void French_MorphologyFields_WordFamiliesMeet(string text)
    {
        using var analyzer = new MorphologySearchAnalyzer(english: false);
        var terms = Tokens(analyzer, text).Split(' ');
        Assert.Single(terms.Distinct());
        // Snippets normalise one word at a time the same way, so the family's other forms are highlighted too.
        var stemmer = SearchLanguage.French.CreateMorphologyStemmer();
        Assert.All(text.Split(' '), word => Assert.Equal(terms[0], SearchLanguage.French.NormalizeMorphology(word, stemmer)));
    }

    [Theory]
    [InlineData("vendre", "vendredi")]
    [InlineData("création", "crèche")]
    [InlineData("dissolution", "solution")]
    public void French_MorphologyFields_OtherWordsStayApart(string family, string other)
    {
        using var analyzer = new MorphologySearchAnalyzer(english: false);
        Assert.NotEqual(Tokens(analyzer, family), Tokens(analyzer, other));
    }

    [Theory]
    [InlineData("L'Économie sociale et solidaire", "economie sociale et solidaire")]
    [InlineData("d'intérêt collectif", "interet collectif")]
    [InlineData("Agenda21", "agenda 21")]
    public void Plain_FoldsWithoutStemmingOrStopWords(string text, string expected)
    {
        using var analyzer = new PlainSearchAnalyzer();
        Assert.Equal(expected, Tokens(analyzer, text));
    }

    [Theory]
    [InlineData("The volunteers' guides", "volunteer guide")]
    [InlineData("Funding for associations", "funding association")]
    public void English_StemmedFields(string text, string expected)
    {
        using var analyzer = new EnglishSearchAnalyzer();
        Assert.Equal(expected, Tokens(analyzer, text));
    }

    [Fact]
    public void EdgeNGrams_IndexWordStarts()
    {
        using var analyzer = new EdgeNGramSearchAnalyzer();
        Assert.Equal("ec eco econ econo econom economi economie", Tokens(analyzer, "Économie"));
    }

    [Theory]
    [InlineData("L'économie", "econom")]
    [InlineData("bénévoles", "benevol")]
    [InlineData("Associations", "asoci")]
    public void NormalizeWord_AgreesWithTheAnalyzer(string word, string expected)
    {
        var buffer = new char[64];
        var length = SearchLanguage.French.NormalizeWord(word, buffer);
        Assert.Equal(expected, new string(buffer, 0, length));
    }
}
