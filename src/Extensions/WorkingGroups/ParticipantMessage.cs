namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>An editor's e-mail to a group's participants, and the limits both the API and the back office apply to it.</summary>
public sealed record ParticipantMessage(string? Subject, string? Message, bool IncludeWaiting = false)
{
    public const int MaxSubject = 200;
    public const int MaxMessage = 10_000;

    /// <summary>Messages per field (empty when valid), in French like the rest of the editors' messages.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Subject) || Subject.Length > MaxSubject)
        {
            errors["subject"] = [$"Un objet est requis, de {MaxSubject} caractères au plus."];
        }
        if (string.IsNullOrWhiteSpace(Message) || Message.Length > MaxMessage)
        {
            errors["message"] = [$"Un message est requis, de {MaxMessage:N0} caractères au plus."];
        }
        return errors;
    }
}
