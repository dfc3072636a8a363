using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>
/// Index-time analysis of the suggestion field: each folded word of a name also indexed as its first 2 to
/// <see cref="MaxGram"/> letters, so "eco" finds "Économie sociale" with one term lookup. Queries use
/// <see cref="PlainSearchAnalyzer"/> (no n-grams), cut to <see cref="MaxGram"/> characters.
/// </summary>
public sealed class EdgeNGramSearchAnalyzer : Analyzer
{
    public const int MinGram = 2;
    public const int MaxGram = 15;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LetterDigitSplitFilter(stream);
        stream = new InvariantLowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EdgeNGramTokenFilter(LuceneVersion.LUCENE_48, stream, MinGram, MaxGram);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
