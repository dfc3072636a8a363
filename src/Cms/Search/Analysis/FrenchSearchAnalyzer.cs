using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>
/// French analysis for the stemmed search fields (DESIGN.md §9): words, elision (<c>l'</c>, <c>d'</c>,
/// <c>qu'</c>…), letter/digit split, lower case, a short stop list (<see cref="SearchStopWords.French"/>),
/// ASCII folding (é → e, œ → oe), then Lucene's light French stemmer (plurals, feminine, common suffixes).
/// Stop words go before folding so <c>à</c> and <c>où</c> are still recognised.
/// </summary>
public sealed class FrenchSearchAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LetterDigitSplitFilter(stream);
        stream = new InvariantLowerCaseFilter(stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, SearchStopWords.French);
        stream = new ASCIIFoldingFilter(stream);
        stream = new FrenchLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
