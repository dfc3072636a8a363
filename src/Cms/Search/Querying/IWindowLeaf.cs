namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>A term scorer that adds its window's scores in one loop of its own (<see cref="WindowedUnitsScorer"/>), without a virtual call per score.</summary>
internal interface IWindowLeaf
{
    /// <summary>
    /// Adds the score of each of its documents before <paramref name="end"/> to <paramref name="sink"/> (the slot is the
    /// document masked by <paramref name="mask"/>), and moves past them. The sink is a struct, so each kind of sink gets
    /// its own compiled loop with the call inlined.
    /// </summary>
    void AddTo<TSink>(TSink sink, int end, int mask) where TSink : struct, IWindowSink;

    /// <summary>Gives pooled resources back once the search is done with the scorer.</summary>
    void Release();
}

/// <summary>Where a leaf's window scores go: a disjunction's slots, or the units' totals.</summary>
internal interface IWindowSink
{
    void Add(int slot, float score);
}
