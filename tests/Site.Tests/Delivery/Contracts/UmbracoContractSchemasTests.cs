using PoleKnowledge.Site.Tests.Delivery.Contracts;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary>The converted contract schemas do reject what Umbraco's contract rejects (so a passing validation means something).</summary>
public sealed class UmbracoContractSchemasTests
{
    private const string Valid = """
        {"contentType":"page","name":"A","createDate":"2026-01-02T03:04:05Z","updateDate":"2026-01-02T03:04:05Z",
         "route":{"path":"/a/","queryString":null,"startItem":{"id":"5d902658-5219-5cba-b6c7-4bf803dc930c","path":"accueil"}},
         "id":"5d902658-5219-5cba-b6c7-4bf803dc930d","properties":{"x":null},"cultures":{}}
        """;

    [Fact]
    public void Validate_AValidItem_NoProblem() => Assert.Empty(UmbracoContractSchemas.Validate("ApiContentResponseModel", Valid));

    [Theory]
    [InlineData("\"id\":\"5d902658-5219-5cba-b6c7-4bf803dc930d\",", "")]
    [InlineData("\"cultures\":{}", "\"cultures\":{},\"extra\":1")]
    [InlineData("\"createDate\":\"2026-01-02T03:04:05Z\"", "\"createDate\":\"02/01/2026\"")]
    [InlineData("\"id\":\"5d902658-5219-5cba-b6c7-4bf803dc930d\"", "\"id\":\"not-a-guid\"")]
    [InlineData("\"path\":\"/a/\",", "")]
    public void Validate_ABrokenItem_Problems(string part, string replacement) =>
        Assert.NotEmpty(UmbracoContractSchemas.Validate("ApiContentResponseModel", Valid.Replace(part, replacement, StringComparison.Ordinal)));
}
