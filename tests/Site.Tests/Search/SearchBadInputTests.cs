using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace PoleKnowledge.Site.Tests.Search;

/// <summary>Hostile or odd input: 200 with sensible results or 400 naming the parameter, never 500, never slow.</summary>
[Collection(CorpusCollection.Name)]
public sealed class SearchBadInputTests(CorpusHubFixture hub)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(100);

    /// <summary>The suite runs on machines shared with other builds (load 20 on 2 cores seen): the fastest of three tries gets 3× the budget; the bench measures the real figure.</summary>
    private const int LoadAllowance = 3;

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
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task AnyQueryText_Answers200Quickly(string query)
    {
        await hub.Client.GetAsync("/api/search/v1?q=warm");
        var (response, elapsed) = await FastestOfThreeAsync("/api/search/v1?q=" + Uri.EscapeDataString(query));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        Assert.NotNull(JsonNode.Parse(body)!["total"]);
        Assert.True(elapsed < Budget * LoadAllowance, $"search: {elapsed.TotalMilliseconds:0} ms");
        var (suggest, suggestElapsed) = await FastestOfThreeAsync("/api/search/v1/suggest?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        Assert.True(suggestElapsed < Budget * LoadAllowance, $"suggest: {suggestElapsed.TotalMilliseconds:0} ms");
        var page = await hub.Client.GetAsync("/recherche?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>
    /// The fastest of three identical requests: the budget is the engine's, and on a machine shared with other
    /// builds a single request can wait for a core; a query that is really slow is slow all three times.
    /// </summary>
    private async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> FastestOfThreeAsync(string url)
    {
        HttpResponseMessage? last = null;
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            var watch = Stopwatch.StartNew();
            last = await hub.Client.GetAsync(url);
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
        var (response, elapsed) = await FastestOfThreeAsync("/api/search/v1?q=association&" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(elapsed < Budget * LoadAllowance, $"{elapsed.TotalMilliseconds:0} ms");
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
