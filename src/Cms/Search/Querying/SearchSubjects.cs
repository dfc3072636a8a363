namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// Words that name whom a query is about: legal persons and the roles people hold in the hub's documents
/// (associations, businesses, employees, tenants, students…). They are frequent, so BM25 weighs them little,
/// but a sheet for another subject does not answer: a hit whose name holds one gets a bonus
/// (SearchQueryBuilder.AddSubjects). Compared after the French stemmed fields' normalisation (plural, accents).
/// </summary>
internal static class SearchSubjects
{
    /// <summary>At most this many subject bonuses per query (each is one term query on the name fields).</summary>
    public const int MaxPerQuery = 2;

    private static readonly HashSet<string> Words = new(SynonymSet.Normalize(
    [
        // Legal persons
        "association", "asso", "fondation", "entreprise", "société", "coopérative", "copropriété", "syndicat",
        "commune", "collectivité",
        // Roles
        "salarié", "salariée", "employeur", "fonctionnaire", "agent", "apprenti", "stagiaire", "intérimaire",
        "bénévole", "dirigeant", "président", "trésorier", "adhérent", "membre", "volontaire",
        "micro-entrepreneur", "auto-entrepreneur", "entrepreneur", "commerçant", "artisan", "agriculteur",
        "locataire", "propriétaire", "bailleur", "copropriétaire",
        "étudiant", "élève", "mineur", "majeur", "enfant", "parent", "conjoint", "époux", "retraité", "chômeur",
        "étranger", "handicapé", "artiste",
    ]), StringComparer.Ordinal);

    public static bool Contains(string word)
    {
        var normalized = SynonymSet.Normalize([word]);
        return normalized.Length == 1 && Words.Contains(normalized[0]);
    }
}
