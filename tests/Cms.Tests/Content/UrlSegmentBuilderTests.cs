using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Tests.Content;

public sealed class UrlSegmentBuilderTests
{
    [Theory]
    [InlineData("Économie & bénévolat", "economie-benevolat")]
    [InlineData("L'œuvre", "l-oeuvre")]
    [InlineData("L'œuvre d'Ærø", "l-oeuvre-d-aero")]
    [InlineData("  --Bonjour, le monde !--  ", "bonjour-le-monde")]
    [InlineData("Agenda 21", "agenda-21")]
    [InlineData("ÇA VA", "ca-va")]
    public void Build_FrenchText_GivesAsciiSlug(string text, string expected) =>
        Assert.Equal(expected, UrlSegmentBuilder.Build(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    public void Build_NothingUsable_ReturnsEmpty(string? text) => Assert.Equal("", UrlSegmentBuilder.Build(text));

    [Fact]
    public void Build_LongText_IsCutWithoutTrailingDash()
    {
        var slug = UrlSegmentBuilder.Build(string.Concat(Enumerable.Repeat("mot ", 100)));

        Assert.True(slug.Length <= UrlSegmentBuilder.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }
}
