using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>
/// The unstemmed sub-field: words, elision, letter/digit split, lower case and ASCII folding, no stop words
/// and no stemming. Exact phrases (<c>"économie sociale"</c>), prefixes (<c>coop*</c>) and spelling
/// corrections read it: its terms are words as people write them.
/// </summary>
public sealed class PlainSearchAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LetterDigitSplitFilter(stream);
        stream = new InvariantLowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
