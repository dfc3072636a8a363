using System.Text;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Cms.Tests.Media;

public sealed class MediaUrlSignerTests
{
    private readonly MediaUrlSigner _signer = new(Encoding.UTF8.GetBytes("a test key that is long enough"));

    [Fact]
    public void SignUrl_ThenVerify_Accepts()
    {
        var url = _signer.SignUrl("/media/0f8e/photo.jpg?width=500&height=300");
        var question = url.IndexOf('?', StringComparison.Ordinal);
        Assert.True(_signer.Verify(url[..question], url[question..]));
    }

    [Fact]
    public void Verify_ChangedParameter_Refuses()
    {
        var url = _signer.SignUrl("/media/0f8e/photo.jpg?width=500");
        var tampered = url.Replace("width=500", "width=5000", StringComparison.Ordinal);
        Assert.False(_signer.Verify("/media/0f8e/photo.jpg", tampered[tampered.IndexOf('?', StringComparison.Ordinal)..]));
    }

    [Fact]
    public void Verify_OtherPath_Refuses()
    {
        var url = _signer.SignUrl("/media/0f8e/photo.jpg?width=500");
        Assert.False(_signer.Verify("/media/0f8e/other.jpg", url[url.IndexOf('?', StringComparison.Ordinal)..]));
    }

    [Theory]
    [InlineData("?width=500")]
    [InlineData("?width=500&hmac=")]
    [InlineData("?width=500&hmac=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("?width=500&hmac=zz")]
    public void Verify_MissingOrWrongSignature_Refuses(string query)
    {
        Assert.False(_signer.Verify("/media/0f8e/photo.jpg", query));
    }

    [Fact]
    public void Verify_SignatureAnywhereInQuery_Accepts()
    {
        var signature = _signer.Sign("/media/k/a.png", "?width=10&height=20");
        Assert.True(_signer.Verify("/media/k/a.png", $"?width=10&hmac={signature}&height=20"));
        Assert.True(_signer.Verify("/media/k/a.png", $"?width=10&height=20&HMAC={signature.ToUpperInvariant()}"));
    }

    [Fact]
    public void Verify_OtherKey_Refuses()
    {
        var other = new MediaUrlSigner(Encoding.UTF8.GetBytes("another key, also long enough"));
        var url = other.SignUrl("/media/k/a.png?width=10");
        Assert.False(_signer.Verify("/media/k/a.png", url[url.IndexOf('?', StringComparison.Ordinal)..]));
    }

    [Fact]
    public void LoadOrCreateKey_NoConfiguredKey_GeneratesOnceAndReuses()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pk-hmac-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = MediaUrlSigner.LoadOrCreateKey(null, folder);
            var second = MediaUrlSigner.LoadOrCreateKey("", folder);
            Assert.Equal(32, first.Length);
            Assert.Equal(first, second);
            Assert.Equal(Encoding.UTF8.GetBytes("configured key"), MediaUrlSigner.LoadOrCreateKey("configured key", folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
