using PoleKnowledge.Cms.Search.Analysis;
using PoleKnowledge.Cms.Search.Querying;

namespace PoleKnowledge.Cms.Tests.Search;

public sealed class SearchSubjectsTests
{
    [Theory]
    [InlineData("association", true)]
    [InlineData("Associations", true)]
    [InlineData("salariés", true)]
    [InlineData("locataire", true)]
    [InlineData("payer", false)]
    [InlineData("taxe", false)]
    [InlineData("association sportive", false)]
    public void Contains_SubjectWordsInAnyForm(string word, bool expected) => Assert.Equal(expected, SearchSubjects.Contains(word));

    [Fact]
    public void Analyze_KeepsAtMostMaxTermsOfOneText()
    {
        using var analyzer = new PlainSearchAnalyzer();
        var terms = TextAnalysis.Analyze(analyzer, "plain", string.Join('-', Enumerable.Repeat("économie", 30)));
        Assert.Equal(TextAnalysis.MaxTerms, terms.Count);
        Assert.All(terms, t => Assert.Equal("economie", t.Term));
    }
}
