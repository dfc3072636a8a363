namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// What happens after an entry is accepted: <c>sendEmail</c> (to <see cref="To"/>), <c>webhook</c>
/// (POST of the entry as JSON to <see cref="Url"/>) or <c>saveAsContent</c> (a draft item of
/// <see cref="ContentType"/> under <see cref="ParentRoute"/>, values mapped property alias → field alias by
/// <see cref="Map"/>, named by the field <see cref="NameField"/>; it waits for an editor's review).
/// </summary>
public sealed record FormWorkflow(string Type)
{
    public string? To { get; init; }
    public string? Subject { get; init; }
    public string? Url { get; init; }
    public string? ContentType { get; init; }
    public string? ParentRoute { get; init; }
    public string? NameField { get; init; }
    public IReadOnlyDictionary<string, string> Map { get; init; } = new Dictionary<string, string>();
}
