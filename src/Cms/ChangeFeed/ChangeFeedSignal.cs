namespace PoleKnowledge.Cms.ChangeFeed;

/// <summary>
/// Wakes the consumer as soon as this process commits a write, so an edit shows in milliseconds
/// instead of at the next poll. Other processes (the CLI, other nodes) are seen by polling.
/// </summary>
public sealed class ChangeFeedSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough.
        }
    }

    public void Dispose() => _signal.Dispose();

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
