namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>A session of a working group, read from its published <c>sessions</c> block list.</summary>
public sealed record GroupSession(Guid Key, DateTimeOffset Start, DateTimeOffset? End, string Topic, string? Place);
