namespace PoleKnowledge.Cms.Search;

/// <summary>The searchable text of an item in a culture, by weight class; computed once per published version (<see cref="SearchTextExtractor"/>).</summary>
public sealed record SearchText(string Name, string Summary, string Taxonomy, string Body, IReadOnlyList<Guid> MediaKeys)
{
    /// <summary>What a result card shows under the name: the summary, else the start of the body.</summary>
    public string CardSummary => Summary.Length > 0 ? FirstLine(Summary) : Body.Length > 240 ? Body[..240].TrimEnd() + "…" : Body;

    /// <summary>Summary then body: where snippets are taken from.</summary>
    public string SnippetSource => _snippetSource ??= Summary.Length == 0 ? Body : Body.Length == 0 ? Summary : Summary + "\n" + Body;

    private string? _snippetSource;

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
