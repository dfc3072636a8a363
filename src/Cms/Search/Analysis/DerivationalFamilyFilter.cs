using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>Replaces a folded Snowball stem by its word family's (<see cref="DerivationalFamilies"/>): <c>dissoudr</c> → <c>dissolu</c>.</summary>
public sealed class DerivationalFamilyFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public DerivationalFamilyFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (DerivationalFamilies.TryMap(_term.Buffer.AsSpan(0, _term.Length), out var family))
        {
            _term.SetEmpty().Append(family);
        }
        return true;
    }
}
