namespace PoleKnowledge.Extensions.Structures;

/// <summary>The directory's filters (all optional; several values of one filter are alternatives) and the "who can help me" need.</summary>
public sealed record StructureDirectoryQuery
{
    public string? Text { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> LegalForms { get; init; } = [];
    public IReadOnlyList<string> Communes { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Offers { get; init; } = [];
    public IReadOnlyList<string> Needs { get; init; } = [];
    /// <summary>"Who can help me": structures offering what this structure needs (its own profile excluded).</summary>
    public Guid? HelpFor { get; init; }
}
