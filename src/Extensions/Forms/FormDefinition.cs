namespace PoleKnowledge.Extensions.Forms;

/// <summary>A form loaded from <c>content-schema/forms/*.json</c> and checked at start-up by <see cref="FormDefinitionLoader"/>.</summary>
public sealed class FormDefinition
{
    public required Guid Id { get; init; }
    public required string Alias { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<FormPage> Pages { get; init; }
    public string MessageOnSubmit { get; init; } = "Merci, votre réponse a bien été enregistrée.";
    public string SubmitLabel { get; init; } = "Envoyer";
    public string NextLabel { get; init; } = "Suivant";
    public string PreviousLabel { get; init; } = "Précédent";
    /// <summary>A field bots fill and people never see: a value in it makes the post look accepted and stores nothing.</summary>
    public string HoneypotAlias { get; init; } = "website";
    /// <summary>Posts from browsers faster than this after the form was served are dropped like a tripped honeypot.</summary>
    public int MinimumFillSeconds { get; init; } = 3;
    /// <summary>Stored entries are deleted this many days after they were received (the retention job).</summary>
    public int RetentionDays { get; init; } = 365;
    /// <summary>
    /// A named <see cref="IFormSubmissionHandler"/> that takes accepted entries instead of the generic entry
    /// store (e.g. <c>pole.groupSignUp</c>, which writes working-group sign-ups).
    /// </summary>
    public string? Handler { get; init; }
    public IReadOnlyList<FormWorkflow> Workflows { get; init; } = [];

    public IEnumerable<FormField> Fields => Pages.SelectMany(p => p.Fields);

    public FormField? FindField(string alias) => Fields.FirstOrDefault(f => string.Equals(f.Alias, alias, StringComparison.Ordinal));
}
