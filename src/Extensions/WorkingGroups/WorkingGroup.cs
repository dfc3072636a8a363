namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>What sign-ups need of a published <c>workingGroup</c>: status, modality, capacity, period and sessions.</summary>
public sealed record WorkingGroup(Guid Key, string Name, string Route, string Modality, string Status, int? Capacity, DateTimeOffset? PeriodStart, DateTimeOffset? PeriodEnd, IReadOnlyList<GroupSession> Sessions)
{
    /// <summary>Structure profiles taking part (the <c>participants</c> picker).</summary>
    public IReadOnlyList<Guid> Participants { get; init; } = [];

    /// <summary>Resources the group produced (the <c>outputs</c> picker): capitalisation made visible.</summary>
    public IReadOnlyList<Guid> Outputs { get; init; } = [];

    public bool IsConcertation => Modality == "concertation";

    public bool AcceptsSignUps => Status == WorkingGroupStatus.Open;
}
