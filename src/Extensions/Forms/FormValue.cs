namespace PoleKnowledge.Extensions.Forms;

/// <summary>What was posted for one field: text values (one, or several for multiple choice) or files.</summary>
public sealed record FormValue(IReadOnlyList<string> Texts, IReadOnlyList<FormUpload> Files)
{
    public static FormValue Text(params string[] texts) => new(texts, []);

    public bool IsEmpty => Texts.All(string.IsNullOrWhiteSpace) && Files.Count == 0;

    public string First => Texts.Count > 0 ? Texts[0] : "";

    /// <summary>A ticked checkbox or consent: <c>on</c> (what browsers send) or <c>true</c>.</summary>
    public bool IsOn => Texts.Any(t => string.Equals(t, "on", StringComparison.OrdinalIgnoreCase) || string.Equals(t, "true", StringComparison.OrdinalIgnoreCase));
}
