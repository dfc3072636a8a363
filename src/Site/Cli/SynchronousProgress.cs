namespace PoleKnowledge.Site.Cli;

/// <summary>Reports progress on the caller's thread (Progress&lt;T&gt; posts to the thread pool, out of order); a rebuild reports from each of its threads.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
