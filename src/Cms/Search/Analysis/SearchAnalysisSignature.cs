using System.Security.Cryptography;
using System.Text;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>
/// What the search analysers bake into the index, as one short string recorded in the index's commits
/// (<see cref="Indexing.ContentIndexFieldAnalyzer.Signature"/>): the version of the analysis chains and a hash
/// of the word tables they use at index time (stop words, <see cref="DerivationalFamilies"/>). An index written
/// with another signature is rebuilt at start, beside the live one. Field weights and synonyms are applied to
/// queries only, so they are not part of it: editing synonyms.txt never costs a rebuild.
/// </summary>
public static class SearchAnalysisSignature
{
    /// <summary>Bump when an analyser's chain changes (a filter added, removed or reordered).</summary>
    private const int ChainVersion = 2; // 2: French word families in the morphology fields

    public static string Value { get; } = Compute();

    private static string Compute()
    {
        var tables = new StringBuilder();
        foreach (var word in SearchStopWords.French.Select(w => w.ToString()).Order(StringComparer.Ordinal))
        {
            tables.Append(word).Append('\n');
        }
        tables.Append("--\n");
        foreach (var word in SearchStopWords.English.Select(w => w.ToString()).Order(StringComparer.Ordinal))
        {
            tables.Append(word).Append('\n');
        }
        tables.Append("--\n").Append(DerivationalFamilies.TableText);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tables.ToString())))[..16];
        return $"chain-{ChainVersion}-tables-{hash}";
    }
}
