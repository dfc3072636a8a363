using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// Scores the word units of a <see cref="UnitsQuery"/> term at a time over windows of 2,048 documents. Each
/// unit is a tree: disjunctions (a word's fields, a synonym group's expressions) and sums (a typo's spellings)
/// down to leaf scorers (a term, a phrase). Each leaf runs through its documents of the window in one tight loop
/// (no heap, no advance) and adds its scores to its parent's per-document slots: a disjunction keeps the best
/// and the sum, and scores <c>max + (sum − max) × tie</c> (what <see cref="DisjunctionMaxQuery"/> scores), a sum
/// scores the sum. Each unit adds its score to the document's total and one to its count of units; the
/// window's documents that match enough units are collected in order, their total multiplied by the
/// coordination factor of their count (what the boolean query scores). The slots start at zero and are read
/// back (and zeroed) through a bit per touched slot, so adding a score is the same few operations whether the
/// slot was touched before or not (no branch the processor must guess).
/// </summary>
internal sealed class WindowedUnitsScorer : BulkScorer
{
    private const int WindowSize = 2048;
    private const int WindowMask = WindowSize - 1;

    private readonly Node[] _units;
    private readonly Scorer[] _leaves;
    private readonly int _minimum;
    private readonly float[] _coord;
    private readonly Scratch _top;
    private readonly CurrentHit _current;

    public WindowedUnitsScorer(Weight weight, Node[] units, int minimum, float[] coord)
    {
        _units = units;
        _minimum = minimum;
        _coord = coord;
        _current = new CurrentHit(weight);
        var leaves = new List<Scorer>();
        foreach (var unit in units)
        {
            unit.Prepare(leaves);
        }
        _leaves = [.. leaves];
        _top = Scratch.Rent();
    }

    public override bool Score(ICollector collector, int max)
    {
        collector.SetScorer(_current);
        while (true)
        {
            var next = DocIdSetIterator.NO_MORE_DOCS;
            foreach (var leaf in _leaves)
            {
                next = Math.Min(next, leaf.DocID);
            }
            if (next >= max)
            {
                if (next == DocIdSetIterator.NO_MORE_DOCS)
                {
                    Release();
                    return false;
                }
                return true;
            }
            var start = next & ~WindowMask;
            var end = (int)Math.Min((long)start + WindowSize, max);
            foreach (var unit in _units)
            {
                AddUnit(unit, end);
            }
            Collect(collector, start);
        }
    }

    /// <summary>Adds a unit's score of each document before <paramref name="end"/> (in the current window) to the document's total.</summary>
    private void AddUnit(Node unit, int end)
    {
        var top = _top;
        if (unit.Scorer is IWindowLeaf term and not TermLeaf.Leaf { Scoring: null })
        {
            term.AddTo(new TotalsSink(top), end, WindowMask);
            return;
        }
        if (unit.Scorer is { } scorer)
        {
            for (var doc = scorer.DocID; doc < end; doc = scorer.NextDoc())
            {
                top.AddToTotal(doc & WindowMask, scorer.GetScore());
            }
            return;
        }
        unit.Accumulate(end);
        unit.DrainTo(new TotalsSink(top));
    }

    /// <summary>Collects, in document order, the window's documents that match enough units, and clears the window.</summary>
    private void Collect(ICollector collector, int start)
    {
        var top = _top;
        for (var w = 0; w < top.Matched.Length; w++)
        {
            var bits = top.Matched[w];
            if (bits == 0)
            {
                continue;
            }
            top.Matched[w] = 0;
            while (bits != 0)
            {
                var slot = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var (count, sum) = (top.Count[slot], top.Sum[slot]);
                (top.Count[slot], top.Sum[slot]) = (0, 0f);
                if (count >= _minimum)
                {
                    _current.Doc = start + slot;
                    _current.Score = sum * _coord[count];
                    _current.Matched = count;
                    collector.Collect(start + slot);
                }
            }
        }
    }

    /// <summary>Gives the window arrays back for the next search on this thread (a search interrupted before the end leaves them to the GC).</summary>
    private void Release()
    {
        Scratch.Return(_top);
        foreach (var unit in _units)
        {
            unit.Release();
        }
    }

    /// <summary>How one unit (or part of one) is scored, made once per search; opened on each segment.</summary>
    internal sealed class Plan
    {
        private readonly Weight? _weight;
        private readonly TermLeaf? _term;
        private readonly Plan[] _children;
        private readonly bool _isMax;
        private readonly float _tie;
        private readonly float? _constant;

        private Plan(Weight? weight, TermLeaf? term, Plan[] children, bool isMax, float tie, float? constant = null)
        {
            _weight = weight;
            _term = term;
            _children = children;
            _isMax = isMax;
            _tie = tie;
            _constant = constant;
        }

        public static Plan Leaf(Weight weight) => new(weight, null, [], false, 0f);

        public static Plan Leaf(TermLeaf term) => new(null, term, [], false, 0f);

        public static Plan Max(Plan[] children, float tieBreaker) => new(null, null, children, true, tieBreaker);

        public static Plan Sum(Plan[] children) => new(null, null, children, false, 0f);

        /// <summary>Matches where any of <paramref name="children"/> matches, with one score for all (a constant-score query).</summary>
        public static Plan Constant(Plan[] children, float score) => new(null, null, children, false, 0f, score);

        /// <summary>The unit's scorers on one segment; null when nothing of it is in the segment.</summary>
        public Node? Open(Weight owner, AtomicReaderContext context, IBits acceptDocs)
        {
            if (_term is not null)
            {
                return _term.Open(owner, context, acceptDocs) is { } leaf ? new Node(leaf) : null;
            }
            if (_weight is not null)
            {
                return _weight.GetScorer(context, acceptDocs) is { } scorer ? new Node(scorer) : null;
            }
            var children = new List<Node>(_children.Length);
            foreach (var child in _children)
            {
                if (child.Open(owner, context, acceptDocs) is { } node)
                {
                    children.Add(node);
                }
            }
            return children.Count == 0 ? null : new Node([.. children], _isMax, _tie, _constant);
        }
    }

    /// <summary>A leaf scorer, or a disjunction or sum of nodes with its window arrays.</summary>
    internal sealed class Node
    {
        private readonly Node[] _children;
        private readonly bool _isMax;
        private readonly float _tie;
        private readonly float? _constant;

        public Node(Scorer scorer)
        {
            Scorer = scorer;
            _children = [];
        }

        public Node(Node[] children, bool isMax, float tie, float? constant = null)
        {
            _children = children;
            _isMax = isMax;
            _tie = tie;
            _constant = constant;
        }

        public Scorer? Scorer { get; }

        /// <summary>For an inner node: after <see cref="Accumulate"/>, its score of each touched slot is in <see cref="Scratch.Max"/>.</summary>
        public Scratch? Scratch { get; private set; }

        /// <summary>Positions the leaves on their first document, rents the window arrays, lists the leaves.</summary>
        public void Prepare(List<Scorer> leaves)
        {
            if (Scorer is not null)
            {
                Scorer.NextDoc();
                leaves.Add(Scorer);
                return;
            }
            Scratch = Scratch.Rent();
            foreach (var child in _children)
            {
                child.Prepare(leaves);
            }
        }

        public void Release()
        {
            (Scorer as IWindowLeaf)?.Release();
            if (Scratch is not null)
            {
                Scratch.Return(Scratch);
                Scratch = null;
            }
            foreach (var child in _children)
            {
                child.Release();
            }
        }

        /// <summary>Scores this inner node on the documents of the window before <paramref name="end"/>, into its slots (read them with <see cref="DrainTo"/>).</summary>
        public void Accumulate(int end)
        {
            var scratch = Scratch!;
            foreach (var child in _children)
            {
                if (child.Scorer is IWindowLeaf term and not TermLeaf.Leaf { Scoring: null })
                {
                    term.AddTo(new DisjunctionSink(scratch), end, WindowMask);
                    continue;
                }
                if (child.Scorer is { } scorer)
                {
                    for (var doc = scorer.DocID; doc < end; doc = scorer.NextDoc())
                    {
                        scratch.AddToBest(doc & WindowMask, scorer.GetScore());
                    }
                    continue;
                }
                child.Accumulate(end);
                child.DrainTo(new DisjunctionSink(scratch));
            }
        }

        /// <summary>Gives this inner node's score of each slot it touched to <paramref name="sink"/>, and zeroes its slots for the next window.</summary>
        public void DrainTo<TSink>(TSink sink) where TSink : struct, IWindowSink
        {
            var scratch = Scratch!;
            var (matched, max, sum) = (scratch.Matched, scratch.Max, scratch.Sum);
            for (var w = 0; w < matched.Length; w++)
            {
                var bits = matched[w];
                if (bits == 0)
                {
                    continue;
                }
                matched[w] = 0;
                while (bits != 0)
                {
                    var slot = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    var (best, all) = (max[slot], sum[slot]);
                    (max[slot], sum[slot]) = (0f, 0f);
                    sink.Add(slot, _constant ?? (_isMax ? best + (all - best) * _tie : all));
                }
            }
        }
    }

    /// <summary>A leaf's scores into a disjunction's window (best and sum per slot).</summary>
    internal readonly struct DisjunctionSink(Scratch scratch) : IWindowSink
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Add(int slot, float score) => scratch.AddToBest(slot, score);
    }

    /// <summary>A whole unit's scores into the units' totals (sum and count per slot).</summary>
    internal readonly struct TotalsSink(Scratch totals) : IWindowSink
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Add(int slot, float score) => totals.AddToTotal(slot, score);
    }

    /// <summary>
    /// Per-slot arrays of one window, kept per thread between searches (25 KB each; a search needs a few). Every
    /// slot is zero and every bit clear when rented: the readers (<see cref="Node.DrainTo"/>, the collection of a
    /// window) zero what they read.
    /// </summary>
    internal sealed class Scratch
    {
        private const int PoolSize = 64;

        [ThreadStatic]
        private static Stack<Scratch>? _pool;

        public readonly float[] Max = new float[WindowSize];
        public readonly float[] Sum = new float[WindowSize];
        /// <summary>For the units' totals, how many units matched each slot.</summary>
        public readonly int[] Count = new int[WindowSize];
        /// <summary>The slots touched since they were last read, a bit each.</summary>
        public readonly ulong[] Matched = new ulong[WindowSize / 64];

        public static Scratch Rent() => _pool is { Count: > 0 } pool ? pool.Pop() : new Scratch();

        /// <summary>Keeps the arrays for the next search, unless a search stopped midway left some slots set.</summary>
        public static void Return(Scratch scratch)
        {
            _pool ??= new Stack<Scratch>();
            if (_pool.Count < PoolSize && Array.TrueForAll(scratch.Matched, static word => word == 0))
            {
                _pool.Push(scratch);
            }
        }

        /// <summary>For the units' totals: adds a unit's score of a document and counts the unit.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void AddToTotal(int slot, float score)
        {
            Matched[slot >> 6] |= 1UL << slot;
            Sum[slot] += score;
            Count[slot]++;
        }

        /// <summary>
        /// For a disjunction: the best score and the sum of a slot. A slot starts at zero and scores are positive, so
        /// the first score is its own best and its own sum, as Lucene's disjunction takes it (0 + x is x exactly).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void AddToBest(int slot, float score)
        {
            Matched[slot >> 6] |= 1UL << slot;
            Sum[slot] += score;
            Max[slot] = float.MaxNative(Max[slot], score);
        }
    }

    /// <summary>What the collectors see of the hit being collected: its document, score and number of units matched.</summary>
    private sealed class CurrentHit(Weight weight) : Scorer(weight)
    {
        public int Doc { get; set; } = -1;
        public float Score { get; set; }
        public int Matched { get; set; }

        public override int DocID => Doc;
        public override float GetScore() => Score;
        public override int Freq => Matched;
        public override long GetCost() => 1;

        // Collectors read the current hit; iterating belongs to the bulk scorer.
        public override int NextDoc() => throw new InvalidOperationException("The hits of a windowed scorer are pushed to the collector.");
        public override int Advance(int target) => throw new InvalidOperationException("The hits of a windowed scorer are pushed to the collector.");
    }
}
