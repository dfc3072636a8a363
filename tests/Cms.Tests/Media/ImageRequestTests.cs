using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Cms.Tests.Media;

public sealed class ImageRequestTests
{
    [Fact]
    public void Parse_AllParameters_ReadsThem()
    {
        var request = ImageRequest.Parse("?width=600&height=400&rmode=BoxPad&ranchor=topleft&rxy=0.25,0.75&format=jpeg&quality=70&bgcolor=FFF&v=42", out var error);
        Assert.Null(error);
        Assert.NotNull(request);
        Assert.Equal(600, request.Width);
        Assert.Equal(400, request.Height);
        Assert.Equal("boxpad", request.Mode);
        Assert.Equal("topleft", request.Anchor);
        Assert.Equal((0.25, 0.75), request.Center);
        Assert.Equal("jpg", request.Format);
        Assert.Equal(70, request.Quality);
        Assert.Equal("fff", request.BackgroundColor);
    }

    [Theory]
    [InlineData("?width=0", "width")]
    [InlineData("?width=-5", "width")]
    [InlineData("?width=abc", "width")]
    [InlineData("?height=1.5", "height")]
    [InlineData("?rmode=zoom", "rmode")]
    [InlineData("?ranchor=middle", "ranchor")]
    [InlineData("?rxy=2,0.5", "rxy")]
    [InlineData("?rxy=0.5", "rxy")]
    [InlineData("?format=bmp", "format")]
    [InlineData("?format=svg", "format")]
    [InlineData("?quality=0", "quality")]
    [InlineData("?quality=101", "quality")]
    [InlineData("?bgcolor=%3Cscript%3E", "bgcolor")]
    public void Parse_BadValue_ErrorNamesTheParameter(string query, string parameter)
    {
        Assert.Null(ImageRequest.Parse(query, out var error));
        Assert.StartsWith(parameter + ":", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CanonicalKey_OrderCaseAndCacheBuster_DoNotMatter()
    {
        var a = ImageRequest.Parse("?height=200&width=300&rmode=crop&v=1", out _)!;
        var b = ImageRequest.Parse("?RMODE=Crop&width=300&height=200&hmac=abc", out _)!;
        Assert.Equal(a.CanonicalKey, b.CanonicalKey);
        Assert.Equal("width=300&height=200&rmode=crop", a.CanonicalKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?v=3")]
    [InlineData("?unknown=1&hmac=x")]
    public void Parse_NothingToDo_IsEmpty(string query)
    {
        Assert.True(ImageRequest.Parse(query, out _)!.IsEmpty);
    }

    [Fact]
    public void DefaultPresets_AreWidthsOnly()
    {
        var keys = new MediaOptions().EffectivePresets.Select(p => ImageRequest.Parse(p, out _)!.CanonicalKey).ToList();
        Assert.Equal(["width=320", "width=640", "width=960", "width=1280", "width=1920"], keys);
    }
}
