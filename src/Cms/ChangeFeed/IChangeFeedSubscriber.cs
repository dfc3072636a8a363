namespace PoleKnowledge.Cms.ChangeFeed;

/// <summary>
/// A read-side consumer of the change feed (published cache, search index, webhooks…). Each remembers
/// the last sequence it applied where it keeps its state (a snapshot file, the index itself, a database
/// checkpoint), so restarts and crashes resume where it stopped.
/// </summary>
public interface IChangeFeedSubscriber
{
    string Name { get; }

    /// <summary>Order among subscribers (the published cache first: others may read it).</summary>
    int Order { get; }

    /// <summary>The last sequence applied.</summary>
    long Position { get; }

    /// <summary>Loads the subscriber's state (snapshot, index…) before the first batch.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Applies entries in sequence order; called from one thread.</summary>
    Task ApplyAsync(IReadOnlyList<ChangeFeedEntry> entries, CancellationToken cancellationToken);

    /// <summary>Persists state on shutdown (and when the consumer decides to checkpoint).</summary>
    Task CheckpointAsync(CancellationToken cancellationToken);
}
