using Lucene.Net.Analysis;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// Gives a <see cref="IndexFieldType.Text"/> field its own analyser (the search feature registers French
/// analysis for its fields this way). Register as a singleton; text fields without one use a lower-case +
/// ASCII-folding analyser. The same analyser runs on query values (contains filters).
/// <para>
/// <paramref name="Signature"/> names what the analyser bakes into the index (its version, the hash of a word
/// table): the index records the signatures in its commits, and an index written with other signatures is
/// served but rebuilt beside at start (<see cref="ContentIndexOpenStatus.AnalysisChanged"/>), so changing an
/// analyser never needs a manual <c>reindex</c>.
/// </para>
/// </summary>
public sealed record ContentIndexFieldAnalyzer(string FieldName, Analyzer Analyzer, string Signature = "");
