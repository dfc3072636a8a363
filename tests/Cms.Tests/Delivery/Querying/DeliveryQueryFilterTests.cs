using PoleKnowledge.Cms.Tests.Indexing;
using T = PoleKnowledge.Cms.Tests.Indexing.IndexTestTree;

namespace PoleKnowledge.Cms.Tests.Delivery.Querying;

public sealed class DeliveryQueryFilterTests(DeliveryQueryFixture fixture) : IClassFixture<DeliveryQueryFixture>
{
    private IndexTestHost Host => fixture.Host;

    private long Count(params string[] filters) => Host.Query($"descendants:{T.Home}", filters).Total;

    [Fact]
    public void ContentType_ValuesOrNegationAnd()
    {
        Assert.Equal(10, Count("contentType:resource"));
        Assert.Equal(16, Count("contentType:resource,event"));
        Assert.Equal(27 - 16, Count("contentType:!resource,event"));
        Assert.Equal(6, Count("CONTENTTYPE:resource,event", "contentType:!resource"));
        Assert.Equal(0, Count("contentType:Resource")); // aliases are exact, as in Umbraco
    }

    [Fact]
    public void Name_ContainsCaseAndAccentInsensitive()
    {
        Assert.Equal(2, Count("name:economie")); // "Guide de l'Économie sociale", "économie circulaire"
        Assert.Equal(2, Count("name:ÉCONOMIE"));
        Assert.Equal(3, Count("name:economie,zero"));
        Assert.Equal(1, Count("name:conom", "name:circul"));
        Assert.Equal(27 - 2, Count("name:!economie"));
        Assert.Equal(1, Count("name:economie sociale"));
    }

    [Theory]
    [InlineData("createDate:2024-01-03", 1)]            // the whole day
    [InlineData("createDate:2024-01-03,2024-01-04", 2)]
    [InlineData("createDate:!2024-01-03", 26)]
    [InlineData("createDate>2024-01-08", 2 + 6 + 8)]    // after the 8th: 9th, 10th, events, notes
    [InlineData("createDate>:2024-01-08", 3 + 6 + 8)]
    [InlineData("createDate<2024-01-03", 2 + 3)]        // 1st, 2nd and the sections created in 2023
    [InlineData("createDate<:2024-01-03", 3 + 3)]
    [InlineData("createDate>:2024-01-03T10:00:00Z", 8 + 6 + 8)]
    [InlineData("createDate>2024-01-03T10:00:00", 7 + 6 + 8)]
    [InlineData("updateDate>:2024-02-05", 5)]           // resources 0–4, updated 9–5 February (fr)
    [InlineData("createDate<>2024-01-03", 0)]           // an operator pair Umbraco does not know matches nothing
    [InlineData("createDate:yesterday", 27)]            // unparseable: no effect, as in Umbraco
    [InlineData("createDate:03/01/2024", 27)]           // not ISO-8601: never guessed
    public void Dates_ComparedAtThePrecisionWritten(string filter, int expected)
    {
        Assert.Equal(expected, Count(filter));
    }

    [Fact]
    public void UnknownFilter_UmbracoError()
    {
        var parsed = Host.Parse(filters: ["contentType:resource", "flavour:vanilla"]);
        Assert.False(parsed.IsValid);
        Assert.Equal(("Filter option not found", "One of the attempted 'filter' options does not exist", "filter"), (parsed.Error.Title, parsed.Error.Detail, parsed.Error.Parameter));
    }

    [Fact]
    public void BlankFilters_Ignored()
    {
        Assert.Equal(10, Count("", " ", "contentType:resource"));
    }

    [Fact]
    public void Filter_5000Characters_ValidationError()
    {
        var parsed = Host.Parse(filters: ["name:" + new string('a', 5000)]);
        Assert.False(parsed.IsValid);
        Assert.Equal("filter", parsed.Error.Parameter);
        Assert.Equal("One or more validation errors occurred.", parsed.Error.Title);
    }
}
