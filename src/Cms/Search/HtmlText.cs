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
                if (IsBlockTag(tag[..nameLength]) && builder.Length > 0 && builder[^1] != '\n')
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
                    var entity = html.AsSpan(i, end - i + 1);
                    switch (entity)
                    {
                        case "&#39;":
                            builder.Append('\'');
                            break;
                        case "&amp;":
                            builder.Append('&');
                            break;
                        case "&quot;":
                            builder.Append('"');
                            break;
                        case "&lt;":
                            builder.Append('<');
                            break;
                        case "&gt;":
                            builder.Append('>');
                            break;
                        default:
                            builder.Append(WebUtility.HtmlDecode(entity.ToString()));
                            break;
                    }
                    i = end + 1;
                    continue;
                }
            }
            // A run of text up to the next tag or entity, appended at once.
            var next = html.AsSpan(i + 1).IndexOfAny('<', '&');
            var length = next < 0 ? html.Length - i : next + 1;
            builder.Append(html, i, length);
            i += length;
        }
        var start = 0;
        var stop = builder.Length;
        while (start < stop && char.IsWhiteSpace(builder[start]))
        {
            start++;
        }
        while (stop > start && char.IsWhiteSpace(builder[stop - 1]))
        {
            stop--;
        }
        return builder.ToString(start, stop - start);
    }

    private static bool IsBlockTag(ReadOnlySpan<char> name)
    {
        foreach (var tag in BlockTags)
        {
            if (name.Equals(tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
