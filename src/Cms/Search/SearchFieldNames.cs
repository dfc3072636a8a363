using PoleKnowledge.Cms.Search.Analysis;

namespace PoleKnowledge.Cms.Search;

/// <summary>
/// The search feature's fields in the content index. Stemmed fields carry the language in their name
/// (<c>search.body.fr</c>, <c>search.body.en</c>) so each gets its language's analyser; the plain (folded,
/// unstemmed) fields and the suggestion field are language-neutral.
/// </summary>
public static class SearchFieldNames
{
    public const string Name = "search.name";
    public const string Summary = "search.summary";
    public const string Taxonomy = "search.taxonomy";
    public const string Body = "search.body";
    public const string Files = "search.files";

    /// <summary>The name, Snowball-stemmed (verb and noun of one family meet): "other word forms".</summary>
    public const string MorphologyName = "search.morph.name";
    /// <summary>Summary and body, Snowball-stemmed.</summary>
    public const string MorphologyText = "search.morph.text";

    /// <summary>Name, summary and body, folded but not stemmed: phrases, prefixes, spelling corrections.</summary>
    public const string Plain = "search.plain";
    /// <summary>The name alone, folded but not stemmed: exact-title bonus.</summary>
    public const string PlainName = "search.plain.name";
    /// <summary>Edge n-grams of the name: suggestions as you type.</summary>
    public const string Suggest = "search.suggest";

    /// <summary>Facet keyword fields the engine adds (the others are the extensions' keyword fields).</summary>
    public const string ContentType = "search.contentType";
    public const string Year = "search.year";

    /// <summary>The stemmed fields, in weight order.</summary>
    public static readonly string[] StemmedBases = [Name, Summary, Taxonomy, Body, Files];

    /// <summary>The Snowball-stemmed fields.</summary>
    public static readonly string[] MorphologyBases = [MorphologyName, MorphologyText];

    public static bool IsMorphology(string field) => field.StartsWith("search.morph.", StringComparison.Ordinal);

    public static string For(string baseName, SearchLanguage language) => baseName + "." + language.Code;
}
