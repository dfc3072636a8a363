using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// Looks up the terms of a query once per search, with the thread's terms enumerator of each segment and field (kept from one search to the next, <see cref="Querying.TermLeaf.TermsOf"/>), and hands
/// each <see cref="TermQuery"/> its <see cref="TermContext"/>. Left to themselves, term queries seek every term
/// again each time a weight is made (the hits, each facet counted apart, the corrected query's count) and open
/// a new enumerator (a clone of the terms file) for each: a third of a search's cost.
/// </summary>
internal sealed class TermStates
{
    private readonly IndexReader _reader;
    private readonly Dictionary<Term, TermContext> _contexts = [];

    public TermStates(IndexReader reader)
    {
        _reader = reader;
    }

    /// <summary>Gives the term queries of <paramref name="query"/> (inside boolean, disjunction and constant-score queries) their looked-up states, in place (a constant-score query is replaced); returns the query.</summary>
    public Query Prepare(Query query)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    clause.Query = Prepare(clause.Query);
                }
                return boolean;
            case DisjunctionMaxQuery disjunction:
                var disjuncts = disjunction.Disjuncts;
                for (var i = 0; i < disjuncts.Count; i++)
                {
                    disjuncts[i] = Prepare(disjuncts[i]);
                }
                return disjunction;
            case ConstantScoreQuery { Query: { } inner } constant:
                return new ConstantScoreQuery(Prepare(inner)) { Boost = constant.Boost };
            case TermQuery term:
                return new Querying.PreparedTermQuery(term.Term, Context(term.Term)) { Boost = term.Boost };
            default:
                return query;
        }
    }

    /// <summary>How many documents hold <paramref name="word"/> in the plain field (looked up once per search, like any term).</summary>
    public int PlainFrequency(string word) => Context(new Term(SearchFieldNames.Plain, word)).DocFreq;

    /// <summary>The term looked up on every segment (once per search).</summary>
    internal TermContext Context(Term term)
    {
        if (_contexts.TryGetValue(term, out var known))
        {
            return known;
        }
        var top = _reader.Context;
        var context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            if (Querying.TermLeaf.TermsOf(_reader, leaf.AtomicReader, term.Field) is { } terms && terms.SeekExact(term.Bytes))
            {
                context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
            }
        }
        _contexts[term] = context;
        return context;
    }
}
