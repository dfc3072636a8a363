using PoleKnowledge.Cms.Search;

namespace PoleKnowledge.Cms.Tests.Search;

public sealed class SynonymSetTests
{
    private static readonly SynonymSet Set = SynonymSet.Parse(
    [
        "# comment",
        "scic, société coopérative d'intérêt collectif",
        "travailler chez soi => télétravail   # one-way",
        "pause => sommeil, suspension",
        "lonely",
        "=> nothing",
    ]);

    private static string? Describe(string query, int start)
    {
        var words = SynonymSet.Normalize(QueryWords.Split(query));
        return Set.Match(words, start) is { } match
            ? $"{string.Join(",", match.Positions)} {(match.OneWay ? "=>" : "=")} {string.Join(" | ", match.Expansions.Select(e => e.Text))}"
            : null;
    }

    [Theory]
    [InlineData("SCIC", 0, "0 = scic | société coopérative d'intérêt collectif")]
    [InlineData("les sociétés coopératives d'intérêt collectif", 1, "1,2,3,4 = scic | société coopérative d'intérêt collectif")]
    [InlineData("travailler chez soi", 0, "0,1,2 => télétravail")]
    [InlineData("travailler depuis chez soi", 0, "0,2,3 => télétravail")]
    [InlineData("travailler un peu plus chez soi", 0, null)]
    [InlineData("télétravail", 0, null)]
    [InlineData("sommeil", 0, null)]
    [InlineData("en pause", 1, "1 => sommeil | suspension")]
    [InlineData("lonely", 0, null)]
    public void Match(string query, int start, string? expected) => Assert.Equal(expected, Describe(query, start));

    [Fact]
    public void Parse_CountsRulesAndSkipsLinesWithoutAlternatives()
    {
        Assert.Equal(3, Set.Count);
        Assert.True(Set.ContainsWord("Télétravail"));
        Assert.True(Set.ContainsWord("soi"));
        Assert.False(Set.ContainsWord("lonely"));
    }

    [Fact]
    public void ShippedFile_Parses()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "content-schema", "search", "synonyms.txt");
        var set = SynonymSet.Load(Path.GetFullPath(path));
        Assert.True(set.Count > 50, $"{set.Count} rules");
    }
}
