namespace PoleKnowledge.Cms.Rendering;

/// <summary>Renders Markdown to sanitised HTML (placeholder contract; implemented with Markdig).</summary>
public sealed class MarkdownRenderer
{
    public string Render(string markdown) => System.Net.WebUtility.HtmlEncode(markdown);
}
