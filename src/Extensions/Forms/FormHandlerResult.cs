namespace PoleKnowledge.Extensions.Forms;

/// <summary>What a <see cref="IFormSubmissionHandler"/> decided: accepted (with an optional message), or errors per field alias.</summary>
public sealed record FormHandlerResult(IReadOnlyDictionary<string, string[]> Errors, string? Message = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static FormHandlerResult Ok(string? message = null) => new(new Dictionary<string, string[]>(), message);

    public static FormHandlerResult Invalid(string alias, string message) => new(new Dictionary<string, string[]> { [alias] = [message] });
}
