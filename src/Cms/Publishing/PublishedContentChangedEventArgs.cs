namespace PoleKnowledge.Cms.Publishing;

/// <summary>What <see cref="PublishedContentCache.Changed"/> reports: the keys of the items replaced or removed, and the new position.</summary>
/// <remarks>Routes and names of OTHER items (pickers, descendants' routes) may change with these keys, so consumers that cache rendered output should usually drop everything, not only these keys.</remarks>
public sealed class PublishedContentChangedEventArgs(IReadOnlyCollection<Guid> keys, long position, bool reloaded) : EventArgs
{
    public IReadOnlyCollection<Guid> Keys { get; } = keys;

    public long Position { get; } = position;

    /// <summary>True when the whole content was replaced (initial load): <see cref="Keys"/> is then empty.</summary>
    public bool Reloaded { get; } = reloaded;
}
