using PoleKnowledge.Cms.Search;

namespace PoleKnowledge.Cms.Tests.Search;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("texte brut", "texte brut")]
    [InlineData("<p>Un</p><p>Deux</p>", "Un\nDeux")]
    [InlineData("<P>Un</P><UL><LI>a</LI><LI>b</LI></UL>", "Un\na\nb")]
    [InlineData("<p>L&#39;association &amp; ses b&eacute;n&eacute;voles</p>", "L'association & ses bénévoles")]
    [InlineData("<p>&quot;cit&eacute;&quot; &lt;b&gt; &nbsp;fin</p>", "\"cité\" <b> \u00a0fin")]
    [InlineData("<p>  <em>mis</em> en <strong>avant</strong>  </p>", "mis en avant")]
    [InlineData("A & B sans point-virgule", "A & B sans point-virgule")]
    [InlineData("<p>coupé <a href=\"x\"", "coupé")]
    [InlineData("<h2>Titre</h2>Texte<br>ligne", "Titre\nTexte\nligne")]
    public void ToPlainText_DropsTagsDecodesEntitiesSeparatesBlocks(string html, string expected)
    {
        Assert.Equal(expected, HtmlText.ToPlainText(html));
    }
}
