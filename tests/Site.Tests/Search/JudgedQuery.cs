namespace PoleKnowledge.Site.Tests.Search;

/// <summary>One line of a judged-queries file: a kind, a query as someone would type it, and the corpus keys that answer it.</summary>
public sealed record JudgedQuery(string Kind, string Query, IReadOnlyList<string> Relevant)
{
    /// <summary>The judged set the engine was tuned on.</summary>
    public const string TuningFile = "judged-queries.tsv";

    /// <summary>Queries judged before tuning and not looked at while tuning: a check that changes generalise.</summary>
    public const string HeldOutFile = "judged-queries-heldout.tsv";

    /// <summary>A second held-out set (paraphrases, questions, real-word typos), judged before the second tuning round and not tuned on.</summary>
    public const string HeldOut2File = "judged-queries-heldout2.tsv";

    public static IReadOnlyList<JudgedQuery> Load(string file = TuningFile)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Search", file);
        return [.. File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(columns => new JudgedQuery(columns[0], columns[1], columns[2].Split(',', StringSplitOptions.TrimEntries)))];
    }
}
