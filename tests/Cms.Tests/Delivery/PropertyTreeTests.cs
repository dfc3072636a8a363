using PoleKnowledge.Cms.Delivery;

namespace PoleKnowledge.Cms.Tests.Delivery;

public sealed class PropertyTreeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Blank_IsNullTree(string? value)
    {
        var result = PropertyTree.Parse(value);
        Assert.True(result.Succeeded);
        Assert.Null(result.Tree);
    }

    [Fact]
    public void Parse_NestedAliases_BuildsLevels()
    {
        var tree = PropertyTree.Parse("properties[a,b[properties[c,d[properties[e]]]]]").Tree!;
        Assert.True(tree.Includes("a"));
        Assert.True(tree.Includes("b"));
        Assert.False(tree.Includes("c"));
        Assert.Null(tree.Child("a"));
        var b = tree.Child("b")!;
        Assert.Equal(["c", "d"], b.Names.Order());
        Assert.True(b.Child("d")!.Includes("e"));
        Assert.False(b.Child("d")!.Includes("c"));
    }

    [Theory]
    [InlineData("properties[$all]")]
    [InlineData("$all")]
    public void Parse_All_IncludesEveryAlias(string value)
    {
        var tree = PropertyTree.Parse(value).Tree!;
        Assert.True(tree.All);
        Assert.True(tree.Includes("anything"));
        Assert.Null(tree.Child("anything"));
    }

    [Fact]
    public void Parse_AllWithChildren_AppliesBelowEveryPropertyNotNamed()
    {
        var tree = PropertyTree.Parse("properties[$all[properties[x]],named[properties[y]]]").Tree!;
        Assert.True(tree.Child("other")!.Includes("x"));
        Assert.True(tree.Child("named")!.Includes("y"));
        Assert.False(tree.Child("named")!.Includes("x"));
    }

    [Theory]
    [InlineData("[properties]", 0)]
    [InlineData("properties[a", 12)]
    [InlineData("properties[a]]", 13)]
    [InlineData("properties[]", 10)]
    [InlineData("properties[picker[]]", 17)]
    [InlineData("properties[a]b", 13)]
    [InlineData("properties[a,[b]]", 13)]
    public void Parse_Malformed_FailsWithPosition(string value, int position)
    {
        var result = PropertyTree.Parse(value);
        Assert.False(result.Succeeded);
        Assert.Null(result.Tree);
        Assert.Equal(position, result.Position);
    }

    [Fact]
    public void Parse_UnknownNames_AreIgnored()
    {
        var tree = PropertyTree.Parse("content[x],properties[a]").Tree!;
        Assert.Equal(["a"], tree.Names);
    }
}
