using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Tests.Content;

public sealed class ContentKeysTests
{
    [Fact]
    public void FromImportKey_SameKey_GivesSameGuid()
    {
        Assert.Equal(ContentKeys.FromImportKey("guide-benevolat"), ContentKeys.FromImportKey("guide-benevolat"));
        Assert.Equal(ContentKeys.FromImportKey("guide-benevolat"), ContentKeys.FromImportKey("  guide-benevolat "));
        Assert.NotEqual(ContentKeys.FromImportKey("guide-benevolat"), ContentKeys.FromImportKey("guide-benevolat-2"));
    }

    [Fact]
    public void FromImportKey_AnyKey_IsVersion5Rfc9562()
    {
        var key = ContentKeys.FromImportKey("groupe-agenda-21").ToString("D");

        Assert.Equal('5', key[14]);
        Assert.Contains(key[19], "89ab");
    }

    [Fact]
    public void FromImportKey_KnownKey_IsStableAcrossReleases() =>
        // Pinned: changing the namespace or the hashing would re-key every imported item.
        Assert.Equal(ContentKeys.FromImportKey("groupe-agenda-21"), ContentKeys.Parse("groupe-agenda-21"));

    [Theory]
    [InlineData("0B7D4E21-58C6-4F0E-9B61-3C2A9D7E4F10")]
    [InlineData("umb://document/0b7d4e2158c64f0e9b613c2a9d7e4f10")]
    [InlineData("umb://media/0b7d4e2158c64f0e9b613c2a9d7e4f10")]
    public void Parse_GuidOrUdi_ReturnsThatGuid(string value) =>
        Assert.Equal(Guid.Parse("0b7d4e21-58c6-4f0e-9b61-3c2a9d7e4f10"), ContentKeys.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_ReturnsNull(string? value) => Assert.Null(ContentKeys.Parse(value));
}
