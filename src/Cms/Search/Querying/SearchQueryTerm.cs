namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>One part of a parsed query: a word (optionally a prefix, <c>coop*</c>) or a quoted phrase; excluded when written with a leading <c>-</c>.</summary>
public sealed record SearchQueryTerm(string Text, bool IsPhrase = false, bool IsPrefix = false, bool IsExcluded = false);
