using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Search;
using PoleKnowledge.Cms.Search.Querying;

namespace PoleKnowledge.Cms.Tests.Search;

/// <summary>Ranking on the required clauses, then adding the optional bonuses to the best hits, gives the whole query's scores and order.</summary>
public sealed class BonusRescorerTests : IDisposable
{
    private static readonly string[] Words = ["association", "statuts", "financement", "dissolution", "bureau", "adhérent", "budget", "assemblée"];
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public BonusRescorerTests()
    {
        var random = new Random(42);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { Similarity = new SearchSimilarity() }))
        {
            for (var i = 0; i < 600; i++)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(3, 40)).Select(_ => Words[random.Next(Words.Length)]));
                var name = string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Words[random.Next(Words.Length)]));
                writer.AddDocument(new Document { new TextField("body", text, Field.Store.NO), new TextField("name", name, Field.Store.NO) });
                if (i % 150 == 149)
                {
                    writer.Commit(); // several segments
                }
            }
        }
        _reader = DirectoryReader.Open(_directory);
    }

    [Fact]
    public void SplitThenRescore_MatchesTheWholeQuery()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new SearchSimilarity() };
        var words = new BooleanQuery(disableCoord: false) { { Unit("association"), Occur.SHOULD }, { Unit("statuts"), Occur.SHOULD }, { Unit("budget"), Occur.SHOULD } };
        words.MinimumNumberShouldMatch = 2;
        var proximity = new PhraseQuery { Slop = 3, Boost = 2f };
        proximity.Add(new Term("body", "association"));
        proximity.Add(new Term("body", "statuts"));
        var title = new PhraseQuery { Slop = 1, Boost = 4f };
        title.Add(new Term("name", "statuts"));
        title.Add(new Term("name", "association"));
        var whole = new BooleanQuery(disableCoord: true) { { words, Occur.MUST }, { proximity, Occur.SHOULD }, { title, Occur.SHOULD } };

        var expected = searcher.Search(whole, 10).ScoreDocs;
        var (core, bonus) = BonusRescorer.Split(whole);
        Assert.NotNull(bonus);
        var best = searcher.Search(core, BonusRescorer.Depth).ScoreDocs;
        BonusRescorer.Rescore(searcher, bonus!, best);

        Assert.Equal(expected.Select(d => d.Doc), best.Take(10).Select(d => d.Doc));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Score, best[i].Score, 0.0001f);
        }
        // The bonuses changed the order: the test would pass trivially otherwise.
        Assert.NotEqual(searcher.Search(core, 10).ScoreDocs.Select(d => d.Doc), expected.Select(d => d.Doc));
    }

    [Fact]
    public void Rescore_GivesEachHitTheWholeQueryScore_WithDeletedDocumentsAndHitsInSomeSegmentsOnly()
    {
        using var directory = new RAMDirectory();
        var random = new Random(7);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { Similarity = new SearchSimilarity() }))
        {
            for (var i = 0; i < 800; i++)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(3, 40)).Select(_ => Words[random.Next(Words.Length)]));
                writer.AddDocument(new Document { new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO), new TextField("body", text, Field.Store.NO) });
                if (i % 200 == 199)
                {
                    writer.Commit();
                }
            }
            for (var i = 0; i < 800; i += 3)
            {
                writer.DeleteDocuments(new Term("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 2 && reader.HasDeletions);
        var searcher = new IndexSearcher(reader) { Similarity = new SearchSimilarity() };
        var proximity = new PhraseQuery { Slop = 2, Boost = 3f };
        proximity.Add(new Term("body", "budget"));
        proximity.Add(new Term("body", "bureau"));
        var exact = new PhraseQuery { Boost = 2f };
        exact.Add(new Term("body", "statuts"));
        exact.Add(new Term("body", "association"));
        var whole = new BooleanQuery(disableCoord: true) { { new TermQuery(new Term("body", "budget")), Occur.MUST }, { proximity, Occur.SHOULD }, { exact, Occur.SHOULD } };
        var expected = searcher.Search(whole, 1000).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
        var (core, bonus) = BonusRescorer.Split(whole);

        // The best hits of every segment but the second: that segment gets no scorer.
        var leaves = reader.Leaves;
        var best = searcher.Search(core, 1000).ScoreDocs.Where(d => ReaderUtil.SubIndex(d.Doc, leaves) != 1).Take(BonusRescorer.Depth).ToArray();
        var before = best.ToDictionary(d => d.Doc, d => d.Score);
        BonusRescorer.Rescore(searcher, bonus!, best);

        Assert.Equal(BonusRescorer.Depth, best.Length);
        foreach (var hit in best)
        {
            Assert.Equal(expected[hit.Doc], hit.Score, 0.0001f);
        }
        // Both kinds of bonus were given to some hits and not to others.
        Assert.Contains(best, h => h.Score > before[h.Doc] + 0.0001f);
        Assert.Contains(best, h => h.Score == before[h.Doc]);
    }

    [Fact]
    public void DeeperPages_ExtendTheSameOrder()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new SearchSimilarity() };
        var proximity = new PhraseQuery { Slop = 3, Boost = 3f };
        proximity.Add(new Term("body", "budget"));
        proximity.Add(new Term("body", "bureau"));
        var whole = new BooleanQuery(disableCoord: true) { { Unit("budget"), Occur.MUST }, { proximity, Occur.SHOULD } };
        var (core, bonus) = BonusRescorer.Split(whole);

        var firstPages = searcher.Search(core, BonusRescorer.Depth + 10).ScoreDocs;
        BonusRescorer.Rescore(searcher, bonus!, firstPages);
        var deeper = searcher.Search(core, BonusRescorer.Depth + 60).ScoreDocs;
        BonusRescorer.Rescore(searcher, bonus!, deeper);

        Assert.True(deeper.Length > firstPages.Length);
        Assert.Equal(firstPages.Select(d => d.Doc), deeper.Take(firstPages.Length).Select(d => d.Doc));
    }

    [Fact]
    public void Split_LeavesQueriesWithoutBonusesWhole()
    {
        var onlyRequired = new BooleanQuery(disableCoord: true) { { new TermQuery(new Term("body", "budget")), Occur.MUST } };
        Assert.Null(BonusRescorer.Split(onlyRequired).Bonus);
        var onlyOptional = new BooleanQuery(disableCoord: true) { { new TermQuery(new Term("body", "budget")), Occur.SHOULD } };
        Assert.Null(BonusRescorer.Split(onlyOptional).Bonus);
        var withCoord = new BooleanQuery(disableCoord: false) { { new TermQuery(new Term("body", "budget")), Occur.MUST }, { new TermQuery(new Term("name", "budget")), Occur.SHOULD } };
        Assert.Null(BonusRescorer.Split(withCoord).Bonus);
    }

    private static DisjunctionMaxQuery Unit(string word) => new(0.4f)
    {
        new TermQuery(new Term("name", word)) { Boost = 5f },
        new TermQuery(new Term("body", word)),
    };

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
