using PoleKnowledge.Cms.Rendering;

namespace PoleKnowledge.Cms.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;")]
    [InlineData("Texte <b onclick=\"alert(1)\">gras</b>", "&lt;b onclick=&quot;alert(1)&quot;&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img")]
    public void Render_RawHtml_IsEscaped(string markdown, string expected)
    {
        var html = _renderer.Render(markdown);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Titre {onclick=\"alert(1)\"}")]
    [InlineData("[lien](/a){onmouseover=alert(1)}")]
    [InlineData("Paragraphe {style=\"background:url(javascript:alert(1))\"}")]
    public void Render_GenericAttributes_AreNotApplied(string markdown)
    {
        var html = _renderer.Render(markdown);

        Assert.DoesNotContain(" onclick=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" onmouseover=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_VideoLink_StaysALink() =>
        Assert.DoesNotContain("<iframe", _renderer.Render("![vidéo](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"), StringComparison.Ordinal);

    [Theory]
    [InlineData("[clic](javascript:alert(1))")]
    [InlineData("[clic](JaVaScRiPt:alert(1))")]
    [InlineData("[clic](<java\tscript:alert(1)>)")]
    [InlineData("[clic](&#106;avascript:alert(1))")]
    [InlineData("[clic](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[clic][ref]\n\n[ref]: javascript:alert(1)")]
    public void Render_ScriptLink_IsNeutralised(string markdown)
    {
        var html = _renderer.Render(markdown);

        Assert.DoesNotContain("script:", html.Replace("&#106;", "j", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"#\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("java\tscript:alert(1)", "javascript")]
    [InlineData(" \u0001JAVASCRIPT:alert(1)", "javascript")]
    [InlineData("HTTPS://example.org", "https")]
    [InlineData("/chemin:avec-deux-points", null)]
    [InlineData("page.html#a:b", null)]
    public void SchemeOf_ObfuscatedScheme_ReadsItLikeABrowser(string url, string? scheme) =>
        Assert.Equal(scheme, UrlSchemes.SchemeOf(url));

    [Fact]
    public void Render_DataImage_LosesItsSource()
    {
        var html = _renderer.Render("![x](data:image/svg+xml;base64,PHN2Zz4=)");

        Assert.Equal("<p><img src=\"\" alt=\"x\" /></p>\n", html);
    }

    [Fact]
    public void Render_ExternalLink_GetsNoopener() =>
        Assert.Equal("<p><a href=\"https://example.org\" rel=\"noopener noreferrer\">site</a></p>\n", _renderer.Render("[site](https://example.org)"));

    [Fact]
    public void Render_RelativeAndMailLinks_AreKeptAsIs()
    {
        Assert.Equal("<p><a href=\"/ressources/\">liste</a> <a href=\"mailto:a@example.org\">écrire</a></p>\n", _renderer.Render("[liste](/ressources/) [écrire](mailto:a@example.org)"));
    }

    [Fact]
    public void Render_Headings_GetIdentifiers() =>
        Assert.Equal("<h2 id=\"economie-sociale\">Économie sociale</h2>\n", _renderer.Render("## Économie sociale"));

    [Fact]
    public void Render_PipeTable_RendersTable()
    {
        var html = _renderer.Render("| Ville | Code |\n|---|---|\n| Rennes | 35238 |");

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Rennes</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FrenchTextWithAmpersand_EncodesOnlyWhatIsNeeded() =>
        Assert.Equal("<p>Élus &amp; bénévoles : <strong>ça</strong> <em>marche</em> <del>plus</del></p>\n",
            _renderer.Render("Élus & bénévoles : **ça** *marche* ~~plus~~"));

    [Fact]
    public void Render_TaskList_RendersCheckboxes() =>
        Assert.Contains("type=\"checkbox\"", _renderer.Render("- [x] fait\n- [ ] à faire"), StringComparison.Ordinal);

    [Fact]
    public void Render_AutoLink_IsLinked() =>
        Assert.Contains("<a href=\"https://pole.example.org\" rel=\"noopener noreferrer\">https://pole.example.org</a>", _renderer.Render("Voir https://pole.example.org"), StringComparison.Ordinal);

    [Fact]
    public void ToPlainText_Markdown_ReturnsTextWithoutMarkup() =>
        Assert.Equal("Titre Du gras, un lien et <script> échappé.", _renderer.ToPlainText("# Titre\n\nDu **gras**, [un lien](https://example.org) et <script> échappé."));

    [Fact]
    public void Render_ParallelCalls_AreIndependent()
    {
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = _renderer.Render($"# T{i}\n\n*{i}*"));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($"<h1 id=\"t{i}\">T{i}</h1>\n<p><em>{i}</em></p>\n", results[i]);
        }
    }
}
