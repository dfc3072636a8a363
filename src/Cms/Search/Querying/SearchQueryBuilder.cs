using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// Turns parsed terms into a Lucene query. Each word becomes one "unit": a disjunction over the stemmed
/// fields (weighted, <see cref="SearchFieldWeights"/>) of its analysed term, plus fuzzy variants of that
/// analysed term (typos; the classic parser would fuzz the raw word, which never meets a stemmed term). A
/// word that analyses to several terms (<c>agenda21</c>, <c>co-construction</c>) is a phrase of them. Words
/// matching a synonym expression become one unit: any of the group's expressions. Units are optional but
/// most must match (<see cref="MinimumToMatch"/>); quoted phrases must match on the plain fields; excluded
/// words and phrases must not match; the whole query as a phrase on the name is a bonus.
/// </summary>
internal sealed partial class SearchQueryBuilder
{
    private readonly Func<string, Analyzer> _analyzerOf;
    private readonly SynonymSet _synonyms;

    public SearchQueryBuilder(Func<string, Analyzer> analyzerOf, SynonymSet synonyms)
    {
        _analyzerOf = analyzerOf;
        _synonyms = synonyms;
    }

    /// <summary>Null when the query has nothing positive to match (empty, or only exclusions): match everything then.</summary>
    public Query? Build(IReadOnlyList<SearchQueryTerm> terms, SearchLanguage language, out List<Query> exclusions, IReadOnlyDictionary<string, string>? corrections = null, Func<string, int>? documentFrequency = null)
    {
        if (documentFrequency is not null)
        {
            // Each word's frequency is read once per query (typo decision and idf floor).
            var known = new Dictionary<string, int>(StringComparer.Ordinal);
            var read = documentFrequency;
            documentFrequency = word => known.TryGetValue(word, out var count) ? count : known[word] = read(word);
        }
        // Typo variants only for rare words: a word many documents contain is probably spelt right, and fuzzy
        // terms cost an automaton and a dictionary walk each (measured: 4× fewer requests/s with them on every
        // word); a typo that makes another common word ("grade" for "garde") is left to SpellingCorrector's check
        // of words found together. Nor for words no document holds: SpellingCorrector looked them up with the
        // same automaton (its closest spelling is searched instead, see AddWordUnits), or they are beyond its
        // bound of lookups and are noise (a query of forty made-up words took 50 ms of fuzzy rewrites).
        Func<string, int> fuzzy = documentFrequency is null ? _ => 2 : word => documentFrequency(word) is > 0 and < RareWord ? 2 : 0;
        exclusions = [];
        var required = new List<Query>();
        var units = new List<Query>();
        var written = terms.Where(t => !t.IsPhrase && !t.IsPrefix && !t.IsExcluded).ToList();
        // A word repeated adds nothing to what is asked ("association association …" is one word, not twelve units).
        var words = written.DistinctBy(w => string.Join(' ', SynonymSet.Normalize(QueryWords.Split(w.Text)))).ToList();
        List<SearchQueryTerm> asking = [];
        if (words.Count > 1)
        {
            // How someone asks is not what they ask about: "comment déclarer une association" must match
            // déclarer and association. The question words stay as a small optional bonus: many titles are
            // questions too ("Comment savoir si un nom d'association est déjà utilisé ?").
            var content = words.Where(w => !SearchStopWords.QuestionWords.Contains(ContentFold(w.Text))).ToList();
            if (content.Count > 0)
            {
                asking = [.. words.Where(w => !content.Contains(w))];
                words = content;
            }
        }
        AddWordUnits(words, language, units, corrections, fuzzy);
        foreach (var term in terms)
        {
            if (term.IsExcluded)
            {
                if ((term.IsPhrase ? PlainPhrase(term.Text) : StemmedUnit(term.Text, language, fuzzy: null)) is { } excluded)
                {
                    exclusions.Add(excluded);
                }
            }
            else if (term.IsPhrase)
            {
                if (PlainPhrase(term.Text) is { } phrase)
                {
                    required.Add(phrase);
                }
            }
            else if (term.IsPrefix && Prefix(term.Text) is { } prefix)
            {
                units.Add(prefix);
            }
        }
        if (units.Count == 0 && required.Count == 0)
        {
            return null;
        }
        var query = new BooleanQuery(disableCoord: true);
        if (units.Count > 0)
        {
            // Coord on (SearchSimilarity): hits matching more of the words come first.
            var optional = new UnitsQuery();
            foreach (var unit in units)
            {
                optional.Add(unit, Occur.SHOULD);
            }
            optional.MinimumNumberShouldMatch = MinimumToMatch(units.Count);
            AddSubjects(words, language, optional);
            query.Add(optional, Occur.MUST);
        }
        foreach (var phrase in required)
        {
            query.Add(phrase, Occur.MUST);
        }
        // As written, question words included: "Un mineur peut-il …" is a title too.
        if (written.Count > 1 && ExactTitle(string.Join(' ', written.Select(w => w.Text))) is { } bonus)
        {
            query.Add(bonus, Occur.SHOULD);
        }
        AddProximity(words, language, query);
        foreach (var word in asking.Take(SearchFieldWeights.ProximityPairs))
        {
            if (StemmedUnit(word.Text, language, fuzzy: null) is { } optional)
            {
                optional.Boost = SearchFieldWeights.QuestionWord;
                query.Add(optional, Occur.SHOULD);
            }
        }
        return query;
    }

    /// <summary>Below this many documents (plain field), a word may be a typo of a more common one.</summary>
    public const int RareWord = 5;

    /// <summary>All of one or two units, then about two thirds: long natural questions carry words the answer does not.</summary>
    public static int MinimumToMatch(int units) => units <= 2 ? units : (int)Math.Ceiling(units * SearchFieldWeights.MinimumRatio);

    /// <summary>
    /// Neighbouring query words found near each other (another form of either, a few words apart, either
    /// order) rank higher: "mettre fin à un contrat de travail d'un commun accord" meets "de convenir d'un
    /// commun accord de la rupture du contrat de travail". Sloppy phrases of each pair of consecutive analysed
    /// words on the morphology fields, at most <see cref="SearchFieldWeights.ProximityPairs"/> pairs: a bonus,
    /// never a condition, and only scored on documents already holding both words.
    /// </summary>
    private void AddProximity(List<SearchQueryTerm> words, SearchLanguage language, BooleanQuery query)
    {
        if (words.Count < 2)
        {
            return;
        }
        var tokens = Analyze(SearchFieldNames.For(SearchFieldNames.MorphologyText, language), string.Join(' ', words.Select(w => w.Text)));
        for (var i = 0; i + 1 < tokens.Count && i < SearchFieldWeights.ProximityPairs; i++)
        {
            if (tokens[i].Term == tokens[i + 1].Term)
            {
                continue;
            }
            foreach (var (baseName, boost) in SearchFieldWeights.Proximity)
            {
                var field = SearchFieldNames.For(baseName, language);
                var phrase = new PhraseQuery { Slop = SearchFieldWeights.ProximitySlop, Boost = boost };
                phrase.Add(new Term(field, tokens[i].Term), 0);
                phrase.Add(new Term(field, tokens[i + 1].Term), 1);
                query.Add(phrase, Occur.SHOULD);
            }
        }
    }

    /// <summary>A word (or expression) on the stemmed and morphology fields (a term, or a phrase when it analyses to several terms), and its typo variants on the plain fields.</summary>
    private Query? StemmedUnit(string text, SearchLanguage language, Func<string, int>? fuzzy)
    {
        var light = Analyze(SearchFieldNames.For(SearchFieldNames.Name, language), text);
        if (light.Count == 0)
        {
            return null;
        }
        var unit = new DisjunctionMaxQuery(SearchFieldWeights.TieBreaker);
        foreach (var (baseName, boost) in SearchFieldWeights.Stemmed)
        {
            unit.Add(TermOrPhrase(SearchFieldNames.For(baseName, language), light, boost));
        }
        var morphology = Analyze(SearchFieldNames.For(SearchFieldNames.MorphologyName, language), text);
        if (morphology.Count > 0)
        {
            foreach (var (baseName, boost) in SearchFieldWeights.Morphology)
            {
                unit.Add(TermOrPhrase(SearchFieldNames.For(baseName, language), morphology, boost));
            }
        }
        if (fuzzy is not null && Analyze(SearchFieldNames.Plain, text) is [var plain] && Math.Min(MaxEdits(plain.Term), fuzzy(plain.Term)) is var edits and > 0)
        {
            foreach (var (field, boost) in SearchFieldWeights.Fuzzy)
            {
                unit.Add(new FuzzyQuery(new Term(field, plain.Term), edits, prefixLength: 1, maxExpansions: 16, transpositions: true) { Boost = boost });
            }
        }
        return unit;
    }

    private List<(string Term, int Position)> Analyze(string field, string text) => TextAnalysis.Analyze(_analyzerOf(field), field, text);

    private static Query TermOrPhrase(string field, List<(string Term, int Position)> tokens, float boost)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term)) { Boost = boost };
        }
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }
        return phrase;
    }

    /// <summary>No typo tolerance under four letters (too many neighbours) or with digits, one edit up to six letters, two beyond.</summary>
    internal static int MaxEdits(string word) => word.Length < 4 || word.Any(char.IsDigit) ? 0 : word.Length <= 6 ? 1 : 2;

    private Query? PlainPhrase(string text)
    {
        var tokens = TextAnalysis.Analyze(_analyzerOf(SearchFieldNames.Plain), SearchFieldNames.Plain, text);
        if (tokens.Count == 0)
        {
            return null;
        }
        var unit = new DisjunctionMaxQuery(SearchFieldWeights.TieBreaker);
        foreach (var (field, boost) in new[] { (SearchFieldNames.PlainName, SearchFieldWeights.PhraseOnName), (SearchFieldNames.Plain, SearchFieldWeights.PhraseOnText) })
        {
            if (tokens.Count == 1)
            {
                unit.Add(new TermQuery(new Term(field, tokens[0].Term)) { Boost = boost });
                continue;
            }
            var phrase = new PhraseQuery { Boost = boost };
            foreach (var (term, position) in tokens)
            {
                phrase.Add(new Term(field, term), position);
            }
            unit.Add(phrase);
        }
        return unit;
    }

    private Query? Prefix(string text)
    {
        var tokens = TextAnalysis.Analyze(_analyzerOf(SearchFieldNames.Plain), SearchFieldNames.Plain, text);
        if (tokens.Count == 0)
        {
            return null;
        }
        var unit = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < tokens.Count; i++)
        {
            var last = i == tokens.Count - 1;
            var name = last ? (Query)new PrefixQuery(new Term(SearchFieldNames.PlainName, tokens[i].Term)) : new TermQuery(new Term(SearchFieldNames.PlainName, tokens[i].Term));
            var body = last ? (Query)new PrefixQuery(new Term(SearchFieldNames.Plain, tokens[i].Term)) : new TermQuery(new Term(SearchFieldNames.Plain, tokens[i].Term));
            name.Boost = SearchFieldWeights.PhraseOnName;
            var either = new DisjunctionMaxQuery(SearchFieldWeights.TieBreaker) { name, body };
            unit.Add(either, Occur.MUST);
        }
        return unit;
    }

    /// <summary>The words as written, in order (slop 1), on the plain name: exact titles come first.</summary>
    private PhraseQuery? ExactTitle(string text)
    {
        var tokens = TextAnalysis.Analyze(_analyzerOf(SearchFieldNames.PlainName), SearchFieldNames.PlainName, text);
        if (tokens.Count < 2)
        {
            return null;
        }
        var phrase = new PhraseQuery { Slop = 1, Boost = SearchFieldWeights.ExactTitleBonus };
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(SearchFieldNames.PlainName, term), position);
        }
        return phrase;
    }

    private static string ContentFold(string word) => PoleKnowledge.Cms.Indexing.ContentIndexText.Fold(word).Replace('\u2019', '\'');
}
