using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PoleKnowledge.Cms.Search;
using PoleKnowledge.Cms.Search.Querying;

namespace PoleKnowledge.Cms.Tests.Search;

/// <summary>
/// The word units scored term at a time in windows (<see cref="UnitsQuery"/>) find the same documents with the
/// same scores as the boolean query they are, scored by Lucene document at a time: over several segments and
/// windows, with nested disjunctions, sums, constant-score clauses, minimums to match, and accepted documents.
/// </summary>
public sealed class WindowedUnitsScorerTests : IDisposable
{
    private static readonly string[] Words = ["association", "statuts", "financement", "dissolution", "bureau", "adherent", "budget", "assemblee", "subvention", "benevole", "salarie", "cotisation"];
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public WindowedUnitsScorerTests()
    {
        using (var writer = Writer(_directory))
        {
            AddDocuments(writer, new Random(7), 9000, commitEvery: 2500); // several segments, each longer than a window
            writer.DeleteDocuments(new Term("name", "dissolution")); // deleted documents must stay out
        }
        _reader = DirectoryReader.Open(_directory);
    }

    private static IndexWriter Writer(Lucene.Net.Store.Directory directory) =>
        new(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { Similarity = new SearchSimilarity() });

    /// <summary>Skewed word frequencies, some documents without a body: postings of every density; a third in English.</summary>
    private static void AddDocuments(IndexWriter writer, Random random, int count, int commitEvery = 0)
    {
        for (var i = 0; i < count; i++)
        {
            string Text(int max) => string.Join(' ', Enumerable.Range(0, random.Next(0, max)).Select(_ => Words[(int)(Words.Length * Math.Pow(random.NextDouble(), 2))]));
            writer.AddDocument(new Document
            {
                new TextField("name", Text(5), Field.Store.NO),
                new TextField("summary", Text(12), Field.Store.NO),
                new TextField("body", Text(60), Field.Store.NO),
                new StringField("culture", i % 3 == 0 ? "en-us" : "fr-fr", Field.Store.NO),
            });
            if (commitEvery > 0 && i % commitEvery == commitEvery - 1)
            {
                writer.Commit();
            }
        }
    }

    public static TheoryData<string, bool> Queries()
    {
        var data = new TheoryData<string, bool>();
        foreach (var shape in new[] { "one", "two", "three-min2", "subject", "nested", "sum", "boosted" })
        {
            data.Add(shape, false);
            data.Add(shape, true);
        }
        return data;
    }

    /// <summary>Prepared: the terms looked up once (<see cref="TermStates"/>), as a search does; their postings enumerators are then pooled per thread.</summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public void WindowedScores_EqualTheBooleanQuerys(string shape, bool prepared)
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new SearchSimilarity() };
        var reference = Build(shape, new BooleanQuery(disableCoord: false));
        var expected = All(searcher, reference);
        Assert.True(expected.Count > 50, $"{shape}: {expected.Count} hits");

        // Twice: the second search reuses the enumerators the first gave back.
        for (var run = 0; run < 2; run++)
        {
            var windowed = Build(shape, new UnitsQuery());
            AssertSameHits(expected, All(searcher, prepared ? new TermStates(_reader).Prepare(windowed) : windowed));
        }
    }

    [Fact]
    public void AcceptedDocuments_OfAFilter_RestrictTheWindowedScorer()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new SearchSimilarity() };
        var filter = new QueryWrapperFilter(new TermQuery(new Term("culture", "en-us")));
        var cached = new CachingWrapperFilter(filter); // random-access bits, as the culture filter has
        var windowed = new FilteredQuery(Build("subject", new UnitsQuery()), cached, BitsFilterStrategy.Instance);
        var reference = new FilteredQuery(Build("subject", new BooleanQuery(disableCoord: false)), filter, FilteredQuery.LEAP_FROG_QUERY_FIRST_STRATEGY);

        var expected = All(searcher, reference);

        Assert.NotEmpty(expected);
        AssertSameHits(expected, All(searcher, windowed));
    }

    /// <summary>
    /// Common terms are scored from their postings decoded in memory (<see cref="HotPostings"/>), with the culture's bit
    /// set read inline as accepted documents: same hits and scores as Lucene's filtered boolean query, on an index
    /// without deletions (the culture's bits are then handed over as they are), twice (the second from memory).
    /// </summary>
    [Fact]
    public void CommonTerms_ScoredFromMemory_KeepToTheCulturesDocuments()
    {
        using var directory = new RAMDirectory();
        using (var writer = Writer(directory))
        {
            AddDocuments(writer, new Random(11), 6000);
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new SearchSimilarity() };
        var body = new Term("body", "association");
        Assert.True(reader.DocFreq(body) >= HotPostings.MinimumDocumentFrequency);
        var reference = new FilteredQuery(Build("subject", new BooleanQuery(disableCoord: false)), new QueryWrapperFilter(new TermQuery(new Term("culture", "en-us"))), FilteredQuery.LEAP_FROG_QUERY_FIRST_STRATEGY);
        var expected = All(searcher, reference);
        Assert.True(expected.Count > 500, $"{expected.Count} hits");

        for (var run = 0; run < 2; run++)
        {
            var windowed = new FilteredQuery(new TermStates(reader).Prepare(Build("subject", new UnitsQuery())), new CultureFilter("en-US"), BitsFilterStrategy.Instance);
            AssertSameHits(expected, All(searcher, windowed));
            Assert.True(HotPostings.Holds(reader.Leaves[0].AtomicReader, body));
        }
    }

    /// <summary>The same documents, with scores equal but for the order of float additions.</summary>
    private static void AssertSameHits(Dictionary<int, float> expected, Dictionary<int, float> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (doc, score) in expected)
        {
            Assert.Equal(score, actual[doc], score * 1e-5f);
        }
    }

    [Fact]
    public void InsideAConjunction_TheDocumentAtATimeScorerAnswers()
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new SearchSimilarity() };
        var phrase = new PhraseQuery { new Term("body", "association"), new Term("body", "statuts") };
        var windowed = new BooleanQuery(disableCoord: true) { { Build("three-min2", new UnitsQuery()), Occur.MUST }, { phrase, Occur.MUST } };
        var reference = new BooleanQuery(disableCoord: true) { { Build("three-min2", new BooleanQuery(disableCoord: false)), Occur.MUST }, { phrase, Occur.MUST } };

        var expected = All(searcher, reference);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, All(searcher, windowed));
    }

    private static Dictionary<int, float> All(IndexSearcher searcher, Query query)
    {
        var top = searcher.Search(query, _maxHits);
        return top.ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
    }

    private const int _maxHits = 20000;

    /// <summary>The units of a query shape, added to <paramref name="units"/> (a UnitsQuery or the plain boolean query it stands for).</summary>
    private static BooleanQuery Build(string shape, BooleanQuery units)
    {
        switch (shape)
        {
            case "one":
                units.Add(Unit("budget"), Occur.SHOULD);
                units.MinimumNumberShouldMatch = 1;
                break;
            case "two":
                units.Add(Unit("association"), Occur.SHOULD);
                units.Add(Unit("cotisation"), Occur.SHOULD);
                units.MinimumNumberShouldMatch = 2;
                break;
            case "three-min2":
                units.Add(Unit("association"), Occur.SHOULD);
                units.Add(Unit("statuts"), Occur.SHOULD);
                units.Add(Unit("salarie"), Occur.SHOULD);
                units.MinimumNumberShouldMatch = 2;
                break;
            case "subject":
                units.Add(Unit("financement"), Occur.SHOULD);
                units.Add(Unit("association"), Occur.SHOULD);
                units.Add(new ConstantScoreQuery(new TermQuery(new Term("name", "association"))) { Boost = 0.01f }, Occur.SHOULD);
                units.MinimumNumberShouldMatch = 2;
                break;
            case "nested":
                // A synonym group: any of two expressions, each a word on every field.
                units.Add(new DisjunctionMaxQuery(0.4f) { Unit("benevole"), Unit("adherent") }, Occur.SHOULD);
                units.Add(Unit("assemblee"), Occur.SHOULD);
                units.MinimumNumberShouldMatch = 2;
                break;
            case "sum":
                // A typo's spellings: a sum of terms, beside a word.
                var spellings = new BooleanQuery(disableCoord: true)
                {
                    { new TermQuery(new Term("body", "subvention")) { Boost = 0.5f }, Occur.SHOULD },
                    { new TermQuery(new Term("body", "cotisation")) { Boost = 0.3f }, Occur.SHOULD },
                };
                units.Add(new DisjunctionMaxQuery(0.4f) { spellings, new TermQuery(new Term("name", "subvention")) }, Occur.SHOULD);
                units.Add(Unit("bureau"), Occur.SHOULD);
                units.MinimumNumberShouldMatch = 1;
                break;
            case "boosted":
                var unit = Unit("statuts");
                unit.Boost = 2.5f;
                units.Add(unit, Occur.SHOULD);
                units.Add(Unit("dissolution"), Occur.SHOULD);
                units.Add(Unit("budget"), Occur.SHOULD);
                units.MinimumNumberShouldMatch = 1;
                units.Boost = 1.7f;
                break;
        }
        return units;
    }

    private static DisjunctionMaxQuery Unit(string word) => new(0.4f)
    {
        new TermQuery(new Term("name", word)) { Boost = 5f },
        new TermQuery(new Term("summary", word)) { Boost = 2.5f },
        new TermQuery(new Term("body", word)),
    };

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
