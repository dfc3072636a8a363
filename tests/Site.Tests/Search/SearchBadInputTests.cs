using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace PoleKnowledge.Site.Tests.Search;

/// <summary>Hostile or odd input: 200 with sensible results or 400 naming the parameter, never 500, never slow.</summary>
[Collection(CorpusCollection.Name)]
public sealed class SearchBadInputTests(CorpusHubFixture hub, ITestOutputHelper output)
{
    /// <summary>The issue's bound for any input, asserted on the fastest of three tries (see <see cref="FastestOfThreeAsync"/>).</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(100);

    public static TheoryData<string> Queries() =>
    [
        "",
        new string('a', 10_000),
        string.Join(' ', Enumerable.Repeat("association", 2_000)),
        "!!! ??? ... ,,, ;;; ---",
        "\"économie sociale",
        "title:*",
        "a AND (",
        "*:*",
        "~~",
        "\u0000\u0001\u001f\u007f association",
        "🙂 association 🎉",
        "\ud83d",
        "-",
        "-\"\"",
        "*",
        "a*",
        "\"\"\"\"",
        "((((((((",
        "[1 TO 5]",
        "name:/.*/",
        // Long natural questions and many unknown words: every word costs a spelling lookup, pairs a proximity scorer.
        "comment est-ce que je peux déclarer la dissolution de mon association sportive auprès de la préfecture quand les statuts ne disent rien",
        string.Join(' ', Enumerable.Range(0, 40).Select(i => $"zqxw{i}vrtp")),
        "assocaition declaraton prefecutre dissoluton statust benevloes subvnetion cotisaton",
        // One "word" that analyses to a hundred terms (letter/digit split, hyphens): a phrase of all of them.
        string.Concat(Enumerable.Range(0, 128).Select(i => $"{(char)('a' + (i % 26))}{i % 10}")),
        string.Join('-', Enumerable.Repeat("économie", 30)),
        // Typos that make other real words: the corrector counts the words together, then tries variants.
        "grade a vue",
        "statues association assemblée",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task AnyQueryText_Answers200Quickly(string query)
    {
        await hub.Client.GetAsync("/api/search/v1?q=warm");
        var (response, elapsed) = await FastestOfThreeAsync(i => "/api/search/v1?q=" + Uri.EscapeDataString(query + new string(' ', i)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        Assert.NotNull(JsonNode.Parse(body)!["total"]);
        var (suggest, suggestElapsed) = await FastestOfThreeAsync(i => "/api/search/v1/suggest?q=" + Uri.EscapeDataString(query + new string(' ', i)));
        output.WriteLine($"search {elapsed.TotalMilliseconds:0.0} ms, suggest {suggestElapsed.TotalMilliseconds:0.0} ms: {(query.Length > 40 ? query[..40] + "…" : query)}");
        Assert.True(elapsed < Budget, $"search: {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        Assert.True(suggestElapsed < Budget, $"suggest: {suggestElapsed.TotalMilliseconds:0} ms");
        var page = await hub.Client.GetAsync("/recherche?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>
    /// The fastest of three requests for the same search: the budget is the engine's, and on a machine shared with
    /// other builds a single request can wait for a core; a query that is really slow is slow all three times.
    /// Each try differs by trailing spaces (which the parser ignores), so none is answered from the result cache.
    /// </summary>
    private async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> FastestOfThreeAsync(Func<int, string> url)
    {
        HttpResponseMessage? last = null;
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            var watch = Stopwatch.StartNew();
            last = await hub.Client.GetAsync(url(i));
            await last.Content.LoadIntoBufferAsync();
            watch.Stop();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }
        return (last!, best);
    }

    [Theory]
    [InlineData("take=100000", "take")]
    [InlineData("take=-1", "take")]
    [InlineData("take=abc", "take")]
    [InlineData("skip=99999999999", "skip")]
    [InlineData("filter=unknown:x", "filter")]
    [InlineData("filter=nocolon", "filter")]
    [InlineData("filter=:x", "filter")]
    [InlineData("sort=random", "sort")]
    [InlineData("culture=xx-XX", "culture")]
    public async Task BadParameters_Answer400NamingTheParameter(string query, string parameter)
    {
        var (response, elapsed) = await FastestOfThreeAsync(_ => "/api/search/v1?q=association&" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(elapsed < Budget, $"{elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![parameter]);
        var page = await hub.Client.GetAsync("/recherche?q=association&" + query);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
    }

    [Fact]
    public async Task UnknownFacetValue_IsSimplyNoResults()
    {
        var response = await hub.Client.GetAsync("/api/search/v1?q=association&filter=theme:nothing-like-this");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["total"]!.GetValue<int>());
    }
}
