using System.Net;
using System.Text;

namespace PoleKnowledge.Cms.Search;

/// <summary>Plain text of the sanitised HTML the publisher stores (Markdown bodies): tags dropped, entities decoded, blocks separated.</summary>
public static class HtmlText
{
    private static readonly string[] BlockTags = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "div", "blockquote", "pre"];

    public static string ToPlainText(string html)
    {
        if (html.IndexOf('<', StringComparison.Ordinal) < 0 && html.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return html;
        }
        var builder = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i + 1);
                if (end < 0)
                {
                    break;
                }
                var tag = html.AsSpan(i + 1, end - i - 1).TrimStart('/');
                var nameLength = 0;
                while (nameLength < tag.Length && char.IsAsciiLetterOrDigit(tag[nameLength]))
                {
                    nameLength++;
                }
                var name = tag[..nameLength].ToString().ToLowerInvariant();
                if (BlockTags.Contains(name) && builder.Length > 0 && builder[^1] != '\n')
                {
                    builder.Append('\n');
                }
                i = end + 1;
                continue;
            }
            if (c == '&')
            {
                var end = html.IndexOf(';', i + 1);
                if (end > i && end - i <= 10)
                {
                    builder.Append(WebUtility.HtmlDecode(html[i..(end + 1)]));
                    i = end + 1;
                    continue;
                }
            }
            builder.Append(c);
            i++;
        }
        return builder.ToString().Trim();
    }
}
