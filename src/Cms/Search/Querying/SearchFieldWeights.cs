namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// How much a match in each stemmed field counts (DESIGN.md §9: name > title and summary > taxonomy terms >
/// body > attachments), and the discount of a fuzzy (typo-tolerant) match against an exact one.
/// </summary>
internal static class SearchFieldWeights
{
    public const float FuzzyDiscount = 0.35f;

    public static readonly (string Field, float Boost)[] Stemmed =
    [
        (SearchFieldNames.Name, 5f),
        (SearchFieldNames.Summary, 2.5f),
        (SearchFieldNames.Taxonomy, 2f),
        (SearchFieldNames.Body, 1f),
        (SearchFieldNames.Files, 0.5f),
    ];

    /// <summary>Snowball matches (another form of the word) count a little less than light-stem matches of the same field class.</summary>
    public static readonly (string Field, float Boost)[] Morphology =
    [
        (SearchFieldNames.MorphologyName, 3.5f),
        (SearchFieldNames.MorphologyText, 0.8f),
    ];

    /// <summary>Typos are matched on the plain fields (words as written: a stemmer can mangle a misspelt word beyond reach).</summary>
    public static readonly (string Field, float Boost)[] Fuzzy =
    [
        (SearchFieldNames.PlainName, 5f * FuzzyDiscount),
        (SearchFieldNames.Plain, 1.5f * FuzzyDiscount),
    ];

    /// <summary>Bonus of two consecutive query words near each other (sloppy phrase on the morphology fields).</summary>
    public static readonly (string Field, float Boost)[] Proximity =
    [
        (SearchFieldNames.MorphologyName, 1.5f),
        (SearchFieldNames.MorphologyText, 2f),
    ];

    /// <summary>Moves allowed between two neighbouring query words (a swap costs 2): "contrat de travail" and "travail sous contrat" both count.</summary>
    public const int ProximitySlop = 3;

    /// <summary>At most this many word pairs get a proximity bonus (each costs two positional scorers).</summary>
    public const int ProximityPairs = 6;

    /// <summary>A question word ("comment", "peut-il") is never required; matching it counts this much of a word.</summary>
    public const float QuestionWord = 0.3f;

    /// <summary>
    /// How much the other fields of one word count beside its best field: a word in the name, the summary and
    /// the body says more about the document than the same word in its name alone.
    /// </summary>
    public const float TieBreaker = 0.4f;

    /// <summary>Weight of an expression a one-way synonym rule implies ("chez soi" ⇒ "domicile") against the words typed.</summary>
    public const float Implied = 0.8f;

    /// <summary>Own score of the subject-in-name clause: nearly none, its weight is its share of the coordination (see SearchQueryBuilder.AddSubjects).</summary>
    public const float SubjectInName = 0.01f;
    public const float PhraseOnName = 3f;
    public const float PhraseOnText = 1.5f;
    public const float ExactTitleBonus = 4f;

    /// <summary>Share of a long query's words a hit must match (see SearchQueryBuilder.MinimumToMatch).</summary>
    public const double MinimumRatio = 0.6;
}
