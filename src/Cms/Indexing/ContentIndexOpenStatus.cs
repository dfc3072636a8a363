namespace PoleKnowledge.Cms.Indexing;

/// <summary>What <see cref="ContentIndex.Open"/> found on disk; anything but <see cref="Opened"/> calls for a rebuild.</summary>
public enum ContentIndexOpenStatus
{
    Opened,
    /// <summary>No pointer file or no index in the directory it names (first start, deleted folder).</summary>
    Missing,
    /// <summary>The index could not be read (damaged files, a lock held by another process).</summary>
    Corrupt,
    /// <summary>Written with other fields or analysers (an extension added a field provider): its documents lack fields queries expect.</summary>
    Outdated,
    /// <summary>
    /// Written with other analysis (an analyser's <see cref="ContentIndexFieldAnalyzer.Signature"/> changed): its
    /// documents are readable, so the generation is opened and serves queries while a rebuild replaces it.
    /// </summary>
    AnalysisChanged,
}
