using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>English analysis for <c>en-US</c> content: possessives, letter/digit split, lower case, short stop list, folding, minimal (plural) stemming.</summary>
public sealed class EnglishSearchAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new LetterDigitSplitFilter(stream);
        stream = new InvariantLowerCaseFilter(stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, SearchStopWords.English);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
