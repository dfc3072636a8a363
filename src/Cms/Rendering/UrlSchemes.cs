namespace PoleKnowledge.Cms.Rendering;

/// <summary>
/// Which link targets may reach a reader's browser. Browsers ignore tabs, newlines and leading control
/// characters inside a scheme (<c>java&#9;script:</c> runs), so the scheme is read the way a browser reads it.
/// </summary>
internal static class UrlSchemes
{
    private static readonly string[] Allowed = ["http", "https", "mailto", "tel"];

    /// <summary>The lower-case scheme as a browser would see it, or null for a relative URL.</summary>
    public static string? SchemeOf(string url)
    {
        var cleaned = new System.Text.StringBuilder(url.Length);
        foreach (var ch in url)
        {
            if (!char.IsWhiteSpace(ch) && !char.IsControl(ch) && ch != '\u00AD' && ch != '\u200B' && ch != '\uFEFF')
            {
                cleaned.Append(ch);
            }
        }
        var text = cleaned.ToString();
        var end = text.IndexOfAny([':', '/', '?', '#']);
        return end > 0 && text[end] == ':' ? text[..end].ToLowerInvariant() : null;
    }

    /// <summary>True for http, https, mailto, tel and relative URLs.</summary>
    public static bool IsSafe(string url) => SchemeOf(url) is not { } scheme || Allowed.Contains(scheme);

    /// <summary>True for absolute http(s) URLs, including protocol-relative ones (<c>//host/…</c>).</summary>
    public static bool IsExternal(string url)
    {
        var trimmed = url.Trim();
        return SchemeOf(trimmed) is "http" or "https" || trimmed.StartsWith("//", StringComparison.Ordinal);
    }
}
