using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PoleKnowledge.Cms.Rendering;

/// <summary>
/// Renders Markdown to HTML that is safe to deliver as-is: sanitised by construction rather than by
/// cleaning HTML afterwards. Raw HTML in the source is disabled (a <c>&lt;script&gt;</c> comes out escaped),
/// and every link and image URL is checked on the syntax tree, where there is no HTML encoding left to
/// hide a <c>javascript:</c> behind. External links get <c>rel="noopener noreferrer"</c>.
/// </summary>
/// <remarks>Thread-safe: the pipeline is immutable and shared; each call builds its own document and renderer.</remarks>
public sealed partial class MarkdownRenderer
{
    // UseAdvancedExtensions() minus two: generic attributes ("# Titre {onclick=…}" would put any attribute,
    // event handlers included, on the element) and media links (turn a video URL into an <iframe>).
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAbbreviations()
        .UseAutoIdentifiers()
        .UseCitations()
        .UseCustomContainers()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UseMathematics()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseDiagrams()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    // Bodies rendered ahead by an import's reading thread, taken (once) by the writing thread: the import
    // uses both cores without the store knowing. Bounded: the reader stays at most a channel's length ahead.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _renderedAhead = new(StringComparer.Ordinal);
    private const int MaxRenderedAhead = 1024;

    /// <summary>Renders a body now so that the coming <see cref="Render"/> of the same text finds it done.</summary>
    public void RenderAhead(string markdown)
    {
        if (_renderedAhead.Count < MaxRenderedAhead)
        {
            _renderedAhead.TryAdd(markdown, RenderCore(markdown));
        }
    }

    /// <summary>Drops bodies rendered ahead but never taken (files that failed validation).</summary>
    public void ForgetRenderedAhead() => _renderedAhead.Clear();

    /// <summary>HTML for the Delivery API and the site.</summary>
    public string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return _renderedAhead.TryRemove(markdown, out var html) ? html : RenderCore(markdown);
    }

    private static string RenderCore(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        NeutraliseUrls(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The text without markup, whitespace collapsed: for the search index and previews.</summary>
    public string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = Markdown.ToPlainText(markdown, Pipeline);
        return Whitespace().Replace(text, " ").Trim();
    }

    private static void NeutraliseUrls(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link when link.Url is { } url:
                    if (!UrlSchemes.IsSafe(url))
                    {
                        // An image loses its source, a link its target; the text stays readable.
                        link.Url = link.IsImage ? "" : "#";
                    }
                    else if (!link.IsImage && UrlSchemes.IsExternal(url))
                    {
                        link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
                    }
                    break;
                case AutolinkInline autolink:
                    if (!autolink.IsEmail && !UrlSchemes.IsSafe(autolink.Url))
                    {
                        autolink.Url = "#";
                    }
                    else if (!autolink.IsEmail && UrlSchemes.IsExternal(autolink.Url))
                    {
                        autolink.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
                    }
                    break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
