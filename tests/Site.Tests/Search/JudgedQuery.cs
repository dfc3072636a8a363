namespace PoleKnowledge.Site.Tests.Search;

/// <summary>One line of judged-queries.tsv: a kind, a query as someone would type it, and the corpus keys that answer it.</summary>
public sealed record JudgedQuery(string Kind, string Query, IReadOnlyList<string> Relevant)
{
    public static IReadOnlyList<JudgedQuery> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Search", "judged-queries.tsv");
        return [.. File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(columns => new JudgedQuery(columns[0], columns[1], columns[2].Split(',', StringSplitOptions.TrimEntries)))];
    }
}
