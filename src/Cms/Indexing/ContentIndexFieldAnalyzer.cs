using Lucene.Net.Analysis;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// Gives a <see cref="IndexFieldType.Text"/> field its own analyser (the search feature registers French
/// analysis for its fields this way). Register as a singleton; text fields without one use a lower-case +
/// ASCII-folding analyser. The same analyser runs on query values (contains filters).
/// </summary>
public sealed record ContentIndexFieldAnalyzer(string FieldName, Analyzer Analyzer);
