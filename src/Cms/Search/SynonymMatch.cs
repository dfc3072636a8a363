namespace PoleKnowledge.Cms.Search;

/// <summary>
/// A synonym expression found in a query: which normalised query words it covers (in order, possibly with a
/// few other words between them) and the expressions to search instead of or beside them. For a group of
/// equivalents the expansions are the group (the expression typed among them); for a one-way rule they are
/// the rule's right-hand side only.
/// </summary>
public sealed record SynonymMatch(SynonymAlternative Matched, IReadOnlyList<SynonymAlternative> Expansions, int[] Positions, bool OneWay);
