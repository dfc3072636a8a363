namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>A picker search: name contains <see cref="Text"/>, of one of <see cref="Types"/> (all when empty), one page by name.</summary>
public sealed record PickerQuery(string? Text, IReadOnlyCollection<string> Types, int Skip, int Take)
{
    public const int MaxTake = 100;
    public const int MaxTextLength = 200;
}
