namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>What a status change did: <see cref="GroupStatusChangeResult.Changed"/>, or why not, with the messages per field.</summary>
public sealed record GroupStatusChangeOutcome(GroupStatusChangeResult Result, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Result == GroupStatusChangeResult.Changed;

    /// <summary>The first message, for a one-line flash.</summary>
    public string? Message => Errors?.Values.SelectMany(m => m).FirstOrDefault();

    internal static GroupStatusChangeOutcome Invalid(GroupStatusChangeResult result, string field, string message) =>
        new(result, new Dictionary<string, string[]> { [field] = [message] });
}
