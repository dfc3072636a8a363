using PoleKnowledge.Cms.Search.Querying;

namespace PoleKnowledge.Cms.Tests.Search;

public sealed class SearchQueryParserTests
{
    private static string Describe(string? input) => string.Join(" | ", SearchQueryParser.Parse(input).Select(t =>
        (t.IsExcluded ? "-" : "") + (t.IsPhrase ? "\"" + t.Text + "\"" : t.Text) + (t.IsPrefix ? "*" : "")));

    [Theory]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    [InlineData("statuts association", "statuts | association")]
    [InlineData("\"économie sociale\" rennes", "\"économie sociale\" | rennes")]
    [InlineData("association -sportive", "association | -sportive")]
    [InlineData("-\"assemblée générale\" copro", "-\"assemblée générale\" | copro")]
    [InlineData("coop*", "coop*")]
    [InlineData("\"économie sociale", "\"économie sociale\"")]
    [InlineData("title:*", "title:*")]
    [InlineData("a AND (", "a | AND")]
    [InlineData("*:* ~~ !!! -", "")]
    [InlineData("a - b", "a | b")]
    [InlineData("a\u0000b\u0007c", "a | b | c")]
    public void Parse(string? input, string expected) => Assert.Equal(expected, Describe(input));

    [Fact]
    public void Parse_BoundsLengthAndTerms()
    {
        Assert.Equal(SearchQueryParser.MaxTerms, SearchQueryParser.Parse(string.Join(' ', Enumerable.Repeat("mot", 1000))).Count);
        Assert.True(SearchQueryParser.Parse(new string('a', 10_000)).Single().Text.Length <= SearchQueryParser.MaxLength);
        // A surrogate pair is never cut in half.
        var emoji = new string('a', SearchQueryParser.MaxLength - 1) + "🙂";
        Assert.DoesNotContain('\ud83d', string.Concat(SearchQueryParser.Parse(emoji).Select(t => t.Text)));
    }

    [Fact]
    public void MinimumToMatch_AllOfShortQueries_MostOfLongOnes()
    {
        Assert.Equal(1, SearchQueryBuilder.MinimumToMatch(1));
        Assert.Equal(2, SearchQueryBuilder.MinimumToMatch(2));
        Assert.Equal(2, SearchQueryBuilder.MinimumToMatch(3));
        Assert.Equal(3, SearchQueryBuilder.MinimumToMatch(5));
    }
}
