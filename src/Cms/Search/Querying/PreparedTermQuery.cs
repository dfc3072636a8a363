using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>A term query whose term was looked up once per search (<see cref="TermStates"/>); the windowed scorer reads that state to open the postings itself.</summary>
internal sealed class PreparedTermQuery(Term term, TermContext context) : TermQuery(term, context)
{
    public TermContext Context { get; } = context;
}
