using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>
/// Short stop lists. Lucene's French list (155 words) drops <c>pas</c>, <c>sans</c> and <c>contre</c>, which
/// change a query's meaning ("sans salarié", "contre la fraude"); ours keeps only articles, pronouns,
/// prepositions and conjunctions that never do. Applied before folding, so accented forms (<c>à</c>, <c>où</c>) match.
/// </summary>
public static class SearchStopWords
{
    public static readonly CharArraySet French = new(LuceneVersion.LUCENE_48,
    [
        "a", "à", "au", "aux", "avec", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "elle", "elles",
        "en", "et", "eux", "il", "ils", "je", "j", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais",
        "me", "mes", "moi", "mon", "n", "ne", "nos", "notre", "nous", "on", "ou", "où", "par", "pour", "qu", "que",
        "qui", "s", "sa", "se", "ses", "son", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos",
        "votre", "vous", "y", "est", "sont", "été", "ça", "cela", "ceci",
    ], ignoreCase: true);

    public static readonly CharArraySet English = new(LuceneVersion.LUCENE_48,
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or",
        "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
    ], ignoreCase: true);

    /// <summary>
    /// Question words dropped from a query (never from the index) when other words remain: "comment déclarer
    /// une association" searches for <c>déclarer association</c>. They say how the user asks, not what about.
    /// </summary>
    public static readonly IReadOnlySet<string> QuestionWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "comment", "pourquoi", "quand", "quel", "quelle", "quels", "quelles", "combien", "est-ce", "faut-il", "peut-on",
        "dois-je", "puis-je", "faire", "quoi", "how", "what", "when", "why", "which", "do", "does", "can", "i",
        // Modal and inverted verbs of questions: "une association doit-elle …", "est-ce qu'une association peut …".
        "qu'est-ce", "est-il", "est-elle", "peut", "peuvent", "peut-il", "peut-elle", "peuvent-ils", "peuvent-elles",
        "doit", "doivent", "doit-il", "doit-elle", "doit-on", "faut", "a-t-il", "a-t-elle", "a-t-on", "y-a-t-il",
        "lequel", "laquelle", "lesquels", "lesquelles", "savoir", "si", "etre", "avoir",
    };
}
