using Lucene.Net.Search;
using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>The word units of a query: thesaurus expressions, corrected words, and the subject clauses.</summary>
internal sealed partial class SearchQueryBuilder
{
    private void AddWordUnits(List<SearchQueryTerm> words, SearchLanguage language, List<Query> units, IReadOnlyDictionary<string, string>? corrections, Func<string, int> fuzzy)
    {
        var normalized = new List<string>();
        var owner = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var word in SynonymSet.Normalize(QueryWords.Split(words[i].Text)))
            {
                normalized.Add(word);
                owner.Add(i);
            }
        }
        var covered = new HashSet<int>();
        for (var start = 0; start < normalized.Count; start++)
        {
            if (_synonyms.Match(normalized, start) is not { } match)
            {
                continue;
            }
            // The query words the expression covers: each must be covered whole ("micro-entreprise" is two
            // normalised words of one query word) and not already belong to another expression.
            var touched = match.Positions.Select(p => owner[p]).Distinct().ToList();
            if (touched.Any(covered.Contains) || touched.Any(w => owner.Count(o => o == w) != match.Positions.Count(p => owner[p] == w)))
            {
                continue;
            }
            // One word unit whatever the expression matched (the best of them): a document holding both "asso" and
            // "association" is not twice as relevant, and the expression typed is not counted again as its own
            // group member (it was, doubling the weight of every "association" in a query).
            var group = new DisjunctionMaxQuery(SearchFieldWeights.TieBreaker);
            if (Typed(words, touched, language, fuzzy) is { } self)
            {
                group.Add(self);
            }
            foreach (var alternative in match.Expansions)
            {
                if (alternative.Words.AsSpan().SequenceEqual(match.Matched.Words))
                {
                    continue;
                }
                if (StemmedUnit(alternative.Text, language, fuzzy: null) is { } other)
                {
                    // An implied expression is weaker evidence than an equivalent one or the words typed.
                    if (match.OneWay)
                    {
                        other.Boost *= SearchFieldWeights.Implied;
                    }
                    group.Add(other);
                }
            }
            if (group.Disjuncts.Count > 0)
            {
                units.Add(group);
                covered.UnionWith(touched);
            }
        }
        for (var i = 0; i < words.Count; i++)
        {
            if (covered.Contains(i))
            {
                continue;
            }
            // A word unknown to the index matches its closest known spelling at full weight instead of fuzzy
            // variants (typo tolerance beyond what fuzzy terms of a stemmed or long word reach, for one lookup).
            var corrected = corrections is { Count: > 0 } ? SpellingCorrector.Correct(_analyzerOf(SearchFieldNames.Plain), words[i].Text, corrections) : null;
            if (StemmedUnit(words[i].Text, language, corrected is null ? fuzzy : null) is not { } unit)
            {
                continue;
            }
            if (corrected is not null && StemmedUnit(corrected, language, fuzzy: null) is { } alternative)
            {
                unit = new BooleanQuery(disableCoord: true) { { unit, Occur.SHOULD }, { alternative, Occur.SHOULD } };
            }
            units.Add(unit);
        }
    }

    /// <summary>
    /// A query word naming whom the query is about (<see cref="SearchSubjects"/>: "association", "entreprise",
    /// "salarié", "locataire"…) is common, so BM25 weighs it little, yet a hit about another subject is wrong:
    /// "une association doit-elle payer la taxe d'habitation" ranked the student's sheet first. The subject in the
    /// name becomes one more clause of the coordinated units, scoring nearly nothing by itself: with coordination
    /// (<see cref="SearchSimilarity"/>) a hit whose name names the subject is multiplied by (n + 1) / n against
    /// one that does not, whatever the scale of the query's scores. The clause counts toward the units' minimum
    /// to match, deliberately: a hit named after the query's subject needs one word fewer (measured better on the
    /// tuning set than keeping the minimum, docs/search.md). A term query on the name fields, for a word of a short
    /// list, at most <see cref="SearchSubjects.MaxPerQuery"/> per query.
    /// </summary>
    private void AddSubjects(List<SearchQueryTerm> words, SearchLanguage language, BooleanQuery units)
    {
        var added = 0;
        foreach (var word in words)
        {
            if (added == SearchSubjects.MaxPerQuery || !SearchSubjects.Contains(word.Text))
            {
                continue;
            }
            var name = new DisjunctionMaxQuery(0f);
            if (Analyze(SearchFieldNames.For(SearchFieldNames.Name, language), word.Text) is { Count: > 0 } light)
            {
                name.Add(TermOrPhrase(SearchFieldNames.For(SearchFieldNames.Name, language), light, 1f));
            }
            if (Analyze(SearchFieldNames.For(SearchFieldNames.MorphologyName, language), word.Text) is { Count: > 0 } morphology)
            {
                name.Add(TermOrPhrase(SearchFieldNames.For(SearchFieldNames.MorphologyName, language), morphology, 1f));
            }
            if (name.Disjuncts.Count > 0)
            {
                units.Add(new ConstantScoreQuery(name) { Boost = SearchFieldWeights.SubjectInName }, Occur.SHOULD);
                added++;
            }
        }
    }

    /// <summary>
    /// The query words an expression covers, as typed: one unit of them when they are neighbours (a phrase
    /// when several), all of their units when other words stand between them.
    /// </summary>
    private Query? Typed(List<SearchQueryTerm> words, List<int> touched, SearchLanguage language, Func<string, int> fuzzy)
    {
        if (touched[^1] - touched[0] == touched.Count - 1)
        {
            return StemmedUnit(string.Join(' ', touched.Select(i => words[i].Text)), language, fuzzy);
        }
        var all = new BooleanQuery(disableCoord: true);
        foreach (var i in touched)
        {
            // Stop words of the expression ("en" of "mettre en pause") analyse to nothing.
            if (StemmedUnit(words[i].Text, language, fuzzy) is { } unit)
            {
                all.Add(unit, Occur.MUST);
            }
        }
        return all.Clauses.Count > 0 ? all : null;
    }
}
