using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// Lower-cases terms like Lucene's <c>LowerCaseFilter</c>, without its per-character culture calls: ASCII
/// letters are shifted in place, Latin letters with accents (up to U+024F: French, and every Latin script) are
/// read from a table made once with <see cref="char.ToLowerInvariant"/>, and other characters go through it.
/// Lucene.NET's filter spent an eighth of a full rebuild in ICU case mapping, and <see cref="char.ToLowerInvariant"/>
/// still calls ICU for every accented letter (6 % of a rebuild). Characters outside the Basic Multilingual Plane
/// (emoji, historic scripts) are left as they are.
/// </summary>
internal sealed class InvariantLowerCaseFilter : TokenFilter
{
    private const int TableSize = 0x250;
    private static readonly char[] Lower = CreateTable();
    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input)
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
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 128)
            {
                if ((uint)(c - 'A') <= 'Z' - 'A')
                {
                    buffer[i] = (char)(c | 0x20);
                }
            }
            else if (c < TableSize)
            {
                buffer[i] = Lower[c];
            }
            else if (!char.IsSurrogate(c))
            {
                buffer[i] = char.ToLowerInvariant(c);
            }
        }
        return true;
    }

    /// <summary>One character lower-cased as the filter does it (for code that normalises words one at a time).</summary>
    public static char ToLower(char c) =>
        c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c)
        : c < TableSize ? Lower[c]
        : char.IsSurrogate(c) ? c : char.ToLowerInvariant(c);

    /// <summary><paramref name="source"/> lower-cased into <paramref name="destination"/> (at least as long); returns the length.</summary>
    public static int ToLower(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = ToLower(source[i]);
        }
        return source.Length;
    }

    private static char[] CreateTable()
    {
        var table = new char[TableSize];
        for (var c = 0; c < TableSize; c++)
        {
            table[c] = char.ToLowerInvariant((char)c);
        }
        return table;
    }
}
