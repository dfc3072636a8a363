namespace PoleKnowledge.Extensions.Forms;

/// <summary>The result of <see cref="FormSubmissionProcessor.SubmitAsync"/>.</summary>
public sealed record FormSubmissionOutcome(FormSubmissionStatus Status, IDictionary<string, string[]> Errors, string? Message)
{
    public static FormSubmissionOutcome Accepted(string message) => new(FormSubmissionStatus.Accepted, new Dictionary<string, string[]>(), message);
    public static FormSubmissionOutcome Dropped(string message) => new(FormSubmissionStatus.Dropped, new Dictionary<string, string[]>(), message);
    public static FormSubmissionOutcome Invalid(IDictionary<string, string[]> errors) => new(FormSubmissionStatus.Invalid, errors, null);
    public static FormSubmissionOutcome BadRequest(string message) => new(FormSubmissionStatus.BadRequest, new Dictionary<string, string[]>(), message);
}
