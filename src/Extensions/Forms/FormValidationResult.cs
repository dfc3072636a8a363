namespace PoleKnowledge.Extensions.Forms;

/// <summary>Errors per field alias (what the 422 response carries) and the values kept: shown, known fields only.</summary>
public sealed class FormValidationResult
{
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FormValue> Accepted { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    public void Add(string alias, string message)
    {
        if (!Errors.TryGetValue(alias, out var list))
        {
            Errors[alias] = list = [];
        }
        list.Add(message);
    }

    public IDictionary<string, string[]> ToProblemErrors() => Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
