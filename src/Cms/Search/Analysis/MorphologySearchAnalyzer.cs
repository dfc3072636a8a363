using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>
/// The "other word forms" fields: the same words reduced by the Snowball stemmer, which, unlike the light
/// stemmer, joins verbs and nouns of one family (<c>déclarer</c>, <c>déclaration</c> → <c>declar</c>;
/// <c>financer</c>, <c>financement</c> → <c>financ</c>). Too aggressive to rank on alone (it also joins
/// unrelated words), so these fields weigh less than the light-stemmed ones and only add recall. French
/// stems then go through <see cref="DerivationalFamilies"/> (<c>dissoudre</c>, <c>dissolution</c> → one term).
/// </summary>
public sealed class MorphologySearchAnalyzer : Analyzer
{
    private readonly bool _english;

    public MorphologySearchAnalyzer(bool english)
    {
        _english = english;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = _english ? new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, tokenizer) : new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LetterDigitSplitFilter(stream);
        stream = new InvariantLowerCaseFilter(stream);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, _english ? SearchStopWords.English : SearchStopWords.French);
        stream = new SnowballFilter(stream, _english ? new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer() : new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer());
        stream = new ASCIIFoldingFilter(stream);
        if (!_english)
        {
            stream = new DerivationalFamilyFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}
