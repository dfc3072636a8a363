using PoleKnowledge.Cms.Delivery.Querying;
using PoleKnowledge.Cms.Tests.Indexing;
using T = PoleKnowledge.Cms.Tests.Indexing.IndexTestTree;

namespace PoleKnowledge.Cms.Tests.Delivery.Querying;

public sealed class DeliveryQuerySelectorTests(DeliveryQueryFixture fixture) : IClassFixture<DeliveryQueryFixture>
{
    private IndexTestHost Host => fixture.Host;

    [Fact]
    public void Children_Guid_ReturnsChildrenInTreeOrder()
    {
        var result = Host.Query($"children:{T.Home}");
        Assert.Equal([T.Resources, T.Agenda, T.Notes], result.Keys);
        Assert.Equal(3, result.Total);
    }

    [Fact]
    public void Children_PathAndUpperCasePrefix_ResolvesLikeTheByPathEndpoint()
    {
        Assert.Equal(6, Host.Query("CHILDREN:/agenda/").Total);
        Assert.Equal(6, Host.Query("children:agenda").Total);
        // "/" is the start item: its children, not the roots.
        Assert.Equal([T.Resources, T.Agenda, T.Notes], Host.Query("children:/").Keys);
        Assert.Equal([T.OtherChild], Host.Query("children:/", startItem: T.OtherRoot).Keys);
    }

    [Fact]
    public void Descendants_Root_AllDescendantsRootExcluded()
    {
        var result = Host.Query($"descendants:{T.Home}");
        Assert.Equal(3 + 10 + 6 + 8, result.Total);
        Assert.DoesNotContain(T.Home, result.Keys);
        Assert.Equal(T.Resources, result.Keys[0]);
        Assert.Equal(T.Resource(0), result.Keys[1]); // depth first
    }

    [Fact]
    public void Ancestors_Item_ReturnsItsAncestorsOnly()
    {
        Assert.Equal([T.Home, T.Resources], Host.Query($"ancestors:{T.Resource(3)}").Keys);
        Assert.Empty(Host.Query($"ancestors:{T.Home}").Keys);
    }

    [Theory]
    [InlineData("children:6f9619ff-8b86-d011-b42d-00c04fc964ff")]
    [InlineData("descendants:/does/not/exist/")]
    [InlineData("children:")]
    public void Selector_UnknownItem_NoResultsNotAnError(string fetch)
    {
        var parsed = Host.Parse(fetch);
        Assert.True(parsed.IsValid);
        Assert.True(parsed.NoResults);
        Assert.Equal(0, Host.Executor.Execute(parsed.Query).Total);
    }

    [Fact]
    public void Selector_UnknownPrefix_UmbracoError()
    {
        var parsed = Host.Parse("siblings:" + T.Home);
        Assert.False(parsed.IsValid);
        Assert.Equal(("Selector option not found", "The attempted 'fetch' option does not exist", "fetch"), (parsed.Error.Title, parsed.Error.Detail, parsed.Error.Parameter));
    }

    [Fact]
    public void NoFetch_AllContentOrStartItemDescendants()
    {
        Assert.Equal(6 + 10 + 6 + 8, Host.Query().Total);
        Assert.Equal([T.OtherChild], Host.Query(startItem: T.OtherRoot).Keys);
    }

    [Fact]
    public void Culture_English_OnlyItemsRoutableInEnglishAndInvariantOnes()
    {
        var english = Host.Query($"children:{T.Resources}", culture: "en-US");
        Assert.Equal(8, english.Total); // the last two resources are French only
        Assert.Equal(8, Host.Query($"children:{T.Notes}", culture: "EN-us").Total);
        Assert.Empty(Host.Query($"children:{T.OtherRoot}", culture: "en-US").Keys);
    }

    [Fact]
    public void ContentTypeAllowLists_Applied()
    {
        Assert.Equal(6, Host.Query($"descendants:{T.Home}", allowed: new HashSet<string> { "event" }).Total);
        Assert.Equal(27 - 8, Host.Query($"descendants:{T.Home}", disallowed: new HashSet<string> { "note" }).Total);
    }
}
