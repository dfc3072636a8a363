using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// Scores a sloppy phrase of distinct terms on a list of documents of one segment (<see cref="HitPhraseQuery"/>).
/// Each document's phrase frequency is Lucene's (<c>SloppyPhraseScorer</c> without repeated terms): the terms'
/// positions minus their offsets in the phrase are swept from the lowest, each match of a length within the slop
/// adding the similarity's slop factor, in the same order, so the score is the same float. Only the listed
/// documents are read: each term's postings are advanced to a document, and its positions read when all terms
/// hold it.
/// </summary>
internal sealed class HitPhraseScorer : Scorer
{
    private readonly DocsAndPositionsEnum[] _postings;
    private readonly int[] _offsets;
    private readonly int _slop;
    private readonly Similarity.SimScorer _docScorer;
    private readonly int[] _documents;
    private readonly (AtomicReader Segment, string Field) _pool;
    private readonly int[][] _held;
    // One phrase position per term: its current position minus its offset, and how many positions it has left.
    private readonly int[] _position;
    private readonly int[] _left;
    // The terms not popped, as indices (Lucene's phrase queue: lowest position, then offset, then term order).
    private readonly int[] _queue;
    private int _queued;
    private int _end;
    private int _index = -1;
    private int _doc = -1;
    private float _frequency;
    private int _matches;
    private bool _released;

    /// <param name="held">The documents of some of the terms (<see cref="HotPostings"/>), ascending: a hit missing from one of them is passed over without reading postings.</param>
    public HitPhraseScorer(Weight weight, DocsAndPositionsEnum[] postings, int[] offsets, int slop, Similarity.SimScorer docScorer, int[] documents, (AtomicReader Segment, string Field) pool, int[][] held)
        : base(weight)
    {
        (_postings, _offsets, _slop, _docScorer, _documents, _pool, _held) = (postings, offsets, slop, docScorer, documents, pool, held);
        _position = new int[postings.Length];
        _left = new int[postings.Length];
        _queue = new int[postings.Length];
    }

    public override int DocID => _doc;

    /// <summary>The number of matches in the current document, as Lucene's sloppy scorer counts them.</summary>
    public override int Freq => _matches;

    public override float GetScore() => _docScorer.Score(_doc, _frequency);

    public override long GetCost() => _documents.Length;

    public override int NextDoc() => Advance(_doc + 1);

    public override int Advance(int target)
    {
        while (++_index < _documents.Length)
        {
            var doc = _documents[_index];
            if (doc >= target && AllOn(doc) && (_frequency = PhraseFrequency()) != 0f)
            {
                return _doc = doc;
            }
        }
        return _doc = NO_MORE_DOCS;
    }

    /// <summary>Gives the positions enumerators back to this thread's pool (once).</summary>
    public void Release()
    {
        if (_released)
        {
            return;
        }
        _released = true;
        foreach (var postings in _postings)
        {
            TermLeaf.ReturnPositions(_pool.Segment, _pool.Field, postings);
        }
    }

    private bool AllOn(int doc)
    {
        foreach (var documents in _held)
        {
            if (Array.BinarySearch(documents, doc) < 0)
            {
                return false;
            }
        }
        foreach (var postings in _postings)
        {
            var current = postings.DocID;
            if (current < doc)
            {
                current = postings.Advance(doc);
            }
            if (current != doc)
            {
                return false;
            }
        }
        return true;
    }

    private float PhraseFrequency()
    {
        _end = int.MinValue;
        _queued = 0;
        for (var i = 0; i < _postings.Length; i++)
        {
            _left[i] = _postings[i].Freq;
            NextPosition(i);
            if (_position[i] > _end)
            {
                _end = _position[i];
            }
            _queue[_queued++] = i;
        }
        var frequency = 0f;
        _matches = 0;
        var current = Pop();
        var matchLength = _end - _position[current];
        var next = _position[Top()];
        while (AdvancePosition(current))
        {
            if (_position[current] > next)
            {
                // Done shortening the current match.
                if (matchLength <= _slop)
                {
                    frequency += _docScorer.ComputeSlopFactor(matchLength);
                    _matches++;
                }
                _queue[_queued++] = current;
                current = Pop();
                next = _position[Top()];
                matchLength = _end - _position[current];
            }
            else if (_end - _position[current] < matchLength)
            {
                matchLength = _end - _position[current];
            }
        }
        if (matchLength <= _slop)
        {
            frequency += _docScorer.ComputeSlopFactor(matchLength);
            _matches++;
        }
        return frequency;
    }

    private bool NextPosition(int term)
    {
        if (_left[term]-- <= 0)
        {
            return false;
        }
        _position[term] = _postings[term].NextPosition() - _offsets[term];
        return true;
    }

    private bool AdvancePosition(int term)
    {
        if (!NextPosition(term))
        {
            return false;
        }
        if (_position[term] > _end)
        {
            _end = _position[term];
        }
        return true;
    }

    private int Top() => _queue[Lowest()];

    private int Pop()
    {
        var at = Lowest();
        var term = _queue[at];
        _queue[at] = _queue[--_queued];
        return term;
    }

    private int Lowest()
    {
        var best = 0;
        for (var i = 1; i < _queued; i++)
        {
            if (Before(_queue[i], _queue[best]))
            {
                best = i;
            }
        }
        return best;
    }

    private bool Before(int a, int b) =>
        _position[a] != _position[b] ? _position[a] < _position[b]
        : _offsets[a] != _offsets[b] ? _offsets[a] < _offsets[b]
        : a < b;
}
