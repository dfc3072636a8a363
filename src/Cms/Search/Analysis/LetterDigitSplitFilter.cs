using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>
/// Splits a token where letters meet digits (<c>agenda21</c> → <c>agenda</c>, <c>21</c>) and joins dotted
/// acronyms (<c>s.c.o.p</c> → <c>scop</c>), so "agenda21", "Agenda 21" and "l'agenda 21" index and query alike.
/// Runs after the elision filter and before stemming.
/// </summary>
public sealed class LetterDigitSplitFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly Queue<(string Text, int Start, int End)> _pending = new();

    public LetterDigitSplitFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            var (text, start, end) = _pending.Dequeue();
            ClearAttributes();
            _term.SetEmpty().Append(text);
            _offset.SetOffset(start, end);
            _position.PositionIncrement = 1;
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = _term.Buffer;
        var length = _term.Length;
        if (IsDottedAcronym(buffer, length))
        {
            var joined = new string(buffer, 0, length).Replace(".", "", StringComparison.Ordinal);
            _term.SetEmpty().Append(joined);
            return true;
        }
        var splits = 0;
        for (var i = 1; i < length; i++)
        {
            if (char.IsLetter(buffer[i - 1]) != char.IsLetter(buffer[i]) && char.IsLetterOrDigit(buffer[i - 1]) && char.IsLetterOrDigit(buffer[i]))
            {
                splits++;
            }
        }
        if (splits == 0)
        {
            return true;
        }
        var baseOffset = _offset.StartOffset;
        var original = new string(buffer, 0, length);
        var partStart = 0;
        var parts = new List<(string, int, int)>();
        for (var i = 1; i <= length; i++)
        {
            if (i == length || (char.IsLetter(original[i - 1]) != char.IsLetter(original[i]) && char.IsLetterOrDigit(original[i - 1]) && char.IsLetterOrDigit(original[i])))
            {
                parts.Add((original[partStart..i], baseOffset + partStart, baseOffset + i));
                partStart = i;
            }
        }
        var (first, firstStart, firstEnd) = parts[0];
        _term.SetEmpty().Append(first);
        _offset.SetOffset(firstStart, firstEnd);
        foreach (var part in parts.Skip(1))
        {
            _pending.Enqueue(part);
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
    }

    /// <summary>Single letters separated by dots: <c>s.c.o.p</c>, <c>E.S.S</c>.</summary>
    private static bool IsDottedAcronym(char[] buffer, int length)
    {
        if (length < 3)
        {
            return false;
        }
        for (var i = 0; i < length; i++)
        {
            var expectLetter = i % 2 == 0;
            if (expectLetter ? !char.IsLetter(buffer[i]) : buffer[i] != '.')
            {
                return false;
            }
        }
        return true;
    }
}
