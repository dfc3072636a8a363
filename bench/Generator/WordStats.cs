using System.Globalization;
using System.Text;

namespace PoleKnowledge.Generator;

/// <summary>
/// Shares of texts containing the words of the search benchmark's queries, to check that the generated set has the
/// word-document frequencies of its source corpus (a query matching 88 % of a generated set but 5 % of the real
/// corpus measures a pathological case). Words are compared lower-cased and folded to ASCII, as whole words of the
/// text or the start of longer ones ("association" counts "associations"; "loi" also counts "loisirs").
/// </summary>
internal sealed class WordStats
{
    public static readonly string[] Words = ["association", "financement", "statuts", "loi", "economie", "sociale", "solidaire"];

    /// <summary>The bench queries (bench/SearchBench), as indexes into <see cref="Words"/>.</summary>
    public static readonly (string Query, int[] Words)[] Queries =
    [
        ("financement association", [1, 0]), ("statuts association loi", [2, 0, 3]), ("economie sociale solidaire", [4, 5, 6]),
    ];

    /// <summary>Lower-case ASCII folding of every char of Latin-1 and Latin Extended-A/B ('é' → 'e', 'Ç' → 'c'); 0 for a separator.</summary>
    private static readonly char[] Fold = BuildFold();

    private readonly int[] _withWord = new int[Words.Length];
    private readonly int[] _withQuery = new int[Queries.Length];
    private readonly char[] _token = new char[64];

    public int Texts { get; private set; }

    public void Add(string text) => Add(new StringBuilder(text));

    public void Add(StringBuilder text)
    {
        var found = 0;
        var length = 0;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                var folded = c < Fold.Length ? Fold[c] : char.IsLetterOrDigit(c) ? c : '\0';
                if (folded != '\0')
                {
                    if (length < _token.Length)
                    {
                        _token[length] = folded;
                    }
                    length++;
                }
                else if (length > 0)
                {
                    found |= Match(Math.Min(length, _token.Length));
                    length = 0;
                }
            }
        }
        if (length > 0)
        {
            found |= Match(Math.Min(length, _token.Length));
        }
        Texts++;
        for (var i = 0; i < Words.Length; i++)
        {
            if ((found & (1 << i)) != 0)
            {
                _withWord[i]++;
            }
        }
        for (var q = 0; q < Queries.Length; q++)
        {
            if (Queries[q].Words.All(w => (found & (1 << w)) != 0))
            {
                _withQuery[q]++;
            }
        }
    }

    /// <summary>
    /// One line per word and per query: the share of <paramref name="generated"/>'s texts, of <paramref name="indexed"/>'s
    /// (the same with what else the search indexes), then of <paramref name="corpus"/>'s.
    /// </summary>
    public static string Compare(WordStats generated, WordStats indexed, WordStats corpus)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Word shares (folded, whole words or their longer forms) of {generated.Texts} generated items, in their text | with type name and taxonomy labels | of the {corpus.Texts} source documents\n");
        for (var i = 0; i < Words.Length; i++)
        {
            Line(text, Words[i], generated.Share(generated._withWord[i]), indexed.Share(indexed._withWord[i]), corpus.Share(corpus._withWord[i]));
        }
        for (var q = 0; q < Queries.Length; q++)
        {
            Line(text, $"all of \"{Queries[q].Query}\"", generated.Share(generated._withQuery[q]), indexed.Share(indexed._withQuery[q]), corpus.Share(corpus._withQuery[q]));
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, double generated, double indexed, double corpus) =>
        text.Append(CultureInfo.InvariantCulture, $"  {label,-40} {generated,6:0.0} % | {indexed,6:0.0} % | {corpus,6:0.0} %\n");

    private double Share(int count) => Texts == 0 ? 0 : 100.0 * count / Texts;

    private int Match(int length)
    {
        var token = _token.AsSpan(0, length);
        var found = 0;
        for (var i = 0; i < Words.Length; i++)
        {
            if (token.StartsWith(Words[i]))
            {
                found |= 1 << i;
            }
        }
        return found;
    }

    private static char[] BuildFold()
    {
        var fold = new char[0x250];
        for (var c = 0; c < fold.Length; c++)
        {
            var ch = (char)c;
            if (!char.IsLetterOrDigit(ch))
            {
                continue;
            }
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            fold[c] = char.ToLowerInvariant(decomposed[0]);
        }
        return fold;
    }
}
