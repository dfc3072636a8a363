using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Search;
using PoleKnowledge.Cms.Search.Querying;

namespace PoleKnowledge.Cms.Tests.Search;

/// <summary>A sloppy phrase scored on given documents only gives each of them Lucene's own phrase score, to the bit.</summary>
public sealed class HitPhraseQueryTests : IDisposable
{
    // A small vocabulary: documents hold the same words many times, in every order and at every distance.
    private static readonly string[] Words = ["contrat", "travail", "association", "statuts", "loi", "bureau"];
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public HitPhraseQueryTests()
    {
        var random = new Random(1901);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { Similarity = new SearchSimilarity() }))
        {
            for (var i = 0; i < 1200; i++)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 30)).Select(_ => Words[random.Next(Words.Length)]));
                writer.AddDocument(new Document { new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO), new TextField("body", text, Field.Store.NO) });
                if (i % 300 == 299)
                {
                    writer.Commit(); // several segments
                }
            }
            for (var i = 0; i < 1200; i += 7)
            {
                writer.DeleteDocuments(new Term("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new SearchSimilarity() };
    }

    public static TheoryData<string, int, float> Phrases => new()
    {
        { "contrat travail", 3, 2f },
        { "travail contrat", 1, 1.5f },
        { "association statuts loi", 1, 4f },
        { "association _ loi", 2, 1f },
        { "loi bureau statuts contrat", 4, 3f },
        { "statuts loi", 6, 0.8f },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void EveryDocument_ScoresAsLucenesPhraseQuery(string words, int slop, float boost)
    {
        var phrase = Phrase(words, slop, boost);
        Assert.True(HitPhraseQuery.Supports(phrase));
        var expected = ScoresOf(phrase);
        var all = Enumerable.Range(0, _reader.MaxDoc).ToArray();
        var ours = new HitPhraseQuery(phrase, new TermStates(_reader), all);
        try
        {
            var actual = ScoresOf(ours);
            Assert.True(expected.Count > 50, $"only {expected.Count} documents hold the phrase");
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (doc, score) in expected)
            {
                Assert.Equal(score, actual[doc]); // the same float, not a near one
            }
        }
        finally
        {
            ours.Release();
        }
    }

    [Fact]
    public void OnlyTheGivenDocuments_AreScored()
    {
        var phrase = Phrase("contrat travail", 3, 2f);
        var expected = ScoresOf(phrase);
        var some = expected.Keys.Order().Where((_, i) => i % 3 == 0).Concat(Enumerable.Range(0, _reader.MaxDoc).Where(d => !expected.ContainsKey(d)).Take(40)).Order().ToArray();
        var ours = new HitPhraseQuery(phrase, new TermStates(_reader), some);
        try
        {
            var actual = ScoresOf(ours);
            Assert.Equal(some.Where(expected.ContainsKey), actual.Keys.Order());
            Assert.All(actual, pair => Assert.Equal(expected[pair.Key], pair.Value));
        }
        finally
        {
            ours.Release();
        }
    }

    [Fact]
    public void PooledEnumerators_GiveTheSameScoresAgain()
    {
        var phrase = Phrase("association statuts loi", 2, 1f);
        var all = Enumerable.Range(0, _reader.MaxDoc).ToArray();
        Dictionary<int, float>? first = null;
        for (var run = 0; run < 3; run++)
        {
            var ours = new HitPhraseQuery(phrase, new TermStates(_reader), all);
            var scores = ScoresOf(ours);
            ours.Release();
            first ??= scores;
            Assert.Equal(first, scores);
        }
    }

    [Fact]
    public void TermsHeldInMemory_RuleOutHits_WithTheSameScores()
    {
        var phrase = Phrase("statuts _ loi", 3, 2f);
        var expected = ScoresOf(phrase);
        // Decode the first term's postings on every segment, as a search scoring that word would.
        foreach (var leaf in _reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms("body")!.GetEnumerator();
            Assert.True(terms.SeekExact(new BytesRef("statuts")));
            Assert.True(terms.DocFreq >= HotPostings.MinimumDocumentFrequency / 4, "the word is too rare in a segment");
            HotPostings.Get(leaf.AtomicReader, new Term("body", "statuts"), terms);
            Assert.NotNull(HotPostings.DocumentsIfHeld(leaf.AtomicReader, new Term("body", "statuts")));
        }
        var ours = new HitPhraseQuery(phrase, new TermStates(_reader), [.. Enumerable.Range(0, _reader.MaxDoc)]);
        try
        {
            var actual = ScoresOf(ours);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
        }
        finally
        {
            ours.Release();
        }
    }

    [Theory]
    [InlineData("contrat travail", 0)]
    [InlineData("contrat contrat", 2)]
    [InlineData("contrat", 2)]
    public void ExactAndRepeatedPhrases_AreLeftToLucene(string words, int slop) =>
        Assert.False(HitPhraseQuery.Supports(Phrase(words, slop, 1f)));

    /// <summary>Words at their positions; "_" leaves a gap (a stop word the analyser removed).</summary>
    private static PhraseQuery Phrase(string words, int slop, float boost)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        var position = 0;
        foreach (var word in words.Split(' '))
        {
            if (word != "_")
            {
                phrase.Add(new Term("body", word), position);
            }
            position++;
        }
        return phrase;
    }

    private Dictionary<int, float> ScoresOf(Query query) =>
        _searcher.Search(query, _reader.MaxDoc).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
