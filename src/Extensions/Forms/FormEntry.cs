namespace PoleKnowledge.Extensions.Forms;

/// <summary>An entry that passed validation: the values of shown fields, the page it was posted from, the site's base URL for links.</summary>
public sealed record FormEntry(FormDefinition Form, IReadOnlyDictionary<string, FormValue> Values, Guid? ContentKey, string? Culture, string BaseUrl)
{
    /// <summary>The signed-in member's confirmed e-mail, when there is one (see <see cref="FormSubmissionContext.VerifiedEmail"/>).</summary>
    public string? VerifiedEmail { get; init; }

    public string Text(string alias) => Values.TryGetValue(alias, out var value) ? value.First.Trim() : "";

    public IReadOnlyList<string> Texts(string alias) => Values.TryGetValue(alias, out var value) ? value.Texts : [];
}
