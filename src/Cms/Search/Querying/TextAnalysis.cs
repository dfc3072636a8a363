using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>Runs an analyser over query text: the terms with their positions (gaps where stop words were).</summary>
internal static class TextAnalysis
{
    /// <summary>
    /// At most this many terms of one text: a "word" of the query may analyse to a hundred terms
    /// ("économie-économie-…", "a0b1c2…"), and a phrase of a hundred common terms costs tens of milliseconds.
    /// </summary>
    public const int MaxTerms = 16;

    public static List<(string Term, int Position)> Analyze(Analyzer analyzer, string field, string text)
    {
        var result = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (result.Count < MaxTerms && stream.IncrementToken())
        {
            position += Math.Max(1, increment.PositionIncrement);
            result.Add((term.ToString(), position));
        }
        stream.End();
        return result;
    }
}
