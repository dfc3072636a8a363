namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>A term scorer that adds its window's scores in one loop of its own (<see cref="WindowedUnitsScorer"/>), without a virtual call per score.</summary>
internal interface IWindowLeaf
{
    /// <summary>Adds the score of each of its documents before <paramref name="end"/> to a disjunction's window, and moves past them.</summary>
    void AddTo(WindowedUnitsScorer.Scratch scratch, int end, int stamp, int mask);

    /// <summary>As <see cref="AddTo"/>, when the term is a whole unit: straight into the units' totals.</summary>
    void AddToTotals(WindowedUnitsScorer.Scratch totals, int end, int mask);

    /// <summary>Gives pooled resources back once the search is done with the scorer.</summary>
    void Release();
}
