namespace PoleKnowledge.Extensions.Structures;

/// <summary>A published structure profile as the directory lists it. Contact details are null unless the structure consented to publish them.</summary>
public sealed record StructureListing(
    Guid Key, string Name, string Route, string Category, string LegalForm, string Commune, IReadOnlyList<string> Themes,
    IReadOnlyList<string> Offers, IReadOnlyList<string> Needs, IReadOnlyList<string> ResourceKinds, string Summary, string SearchText,
    string? ContactName, string? ContactEmail, string? ContactPhone);
