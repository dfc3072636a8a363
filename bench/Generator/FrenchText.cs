using System.Text;

namespace PoleKnowledge.Generator;

/// <summary>
/// French titles, sentences and Markdown bodies taken from real documents, so the generated collection keeps the
/// vocabulary and word-document frequencies of the source corpus (Zipfian, each item on one subject) instead of
/// repeating the same few words everywhere. Each item draws on ONE source document (<see cref="Begin"/>): its title,
/// first sentences, headings, paragraphs and lists, then a few paragraphs of one or two other documents of the same
/// corpus folder to reach the wanted length, laid out with the generator's usual structure (headings, paragraphs,
/// lists, numbered lists, quotes, sometimes a table). Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class FrenchText(Random random, SourceCorpus corpus)
{
    private static readonly string[] Prefixes =
    [
        "Guide", "Fiche pratique", "Repères", "Boîte à outils", "Dossier", "Méthode", "Questions-réponses", "L'essentiel",
    ];

    private static readonly string[] Suffixes =
    [
        " : ce qu'il faut savoir", " : les points clés", " : mode d'emploi", " en pratique", " : questions fréquentes",
    ];

    /// <summary>The longest paragraph written in one piece; longer ones are cut after a whole sentence.</summary>
    private const int MaxParagraph = 700;

    /// <summary>Below this many characters of paragraphs, a section takes the source's next paragraph too.</summary>
    private const int ShortSection = 250;

    /// <summary>The item's sources: the main document first, then its companions of the same folder.</summary>
    private readonly List<Cursor> _sources = new(4);
    private int _current;
    private int _summaryNext;
    private int _mainBudget;

    private SourceDocument Main => _sources[0].Document;

    public string Pick(IReadOnlyList<string> list) => list[random.Next(list.Count)];

    /// <summary>Starts a new item on a random source document (uniform over the corpus, so the mix of subjects is the corpus's).</summary>
    public void Begin()
    {
        var main = corpus.Sources[random.Next(corpus.Sources.Length)];
        _sources.Clear();
        _sources.Add(new Cursor(main));
        var companions = 1 + random.Next(2);
        for (var i = 0; i < companions; i++)
        {
            AddCompanion();
        }
        _current = 0;
        _summaryNext = 0;
    }

    /// <summary>The source title, as is or with a short prefix or suffix ("Guide : …", "… : les points clés").</summary>
    public string Title()
    {
        var roll = random.Next(10);
        return roll switch
        {
            < 6 => Main.Title,
            < 8 => $"{Pick(Prefixes)} : {LowerFirst(Main.Title)}",
            _ => Main.Title + Pick(Suffixes),
        };
    }

    /// <summary>The source title, to stand inside another name ("Rencontre « … »").</summary>
    public string Topic() => LowerFirst(Main.Title);

    /// <summary>
    /// The next sentence of the current source in reading order, or of the next source of the item when it has none
    /// left (one more document of the folder joins past the last); the paragraph it comes from is then passed, so
    /// the body does not repeat it.
    /// </summary>
    public string Sentence()
    {
        var next = _current;
        while (_sources[next].Sentence >= _sources[next].Document.Sentences.Length)
        {
            if (++next == _sources.Count)
            {
                AddCompanion();
            }
        }
        var source = _sources[next];
        var document = source.Document;
        var at = source.Sentence++;
        source.Paragraph = Math.Max(source.Paragraph, document.SentenceParagraph[at] + 1);
        return document.Sentences[at];
    }

    /// <summary>The next sentence that stands alone (not one announcing a list, "… les conditions suivantes :"), for a one-line field.</summary>
    public string Statement()
    {
        var sentence = Sentence();
        for (var i = 0; i < 5 && sentence.EndsWith(':'); i++)
        {
            sentence = Sentence();
        }
        return sentence;
    }

    public string Sentences(int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(i > 0 ? " " : "").Append(Sentence());
        }
        return builder.ToString();
    }

    /// <summary>
    /// The main document's first sentences (the next ones on a second call), at most <paramref name="max"/>
    /// characters, cut after a whole sentence when possible.
    /// </summary>
    public string Summary(int max)
    {
        var sentences = Main.Sentences;
        var builder = new StringBuilder();
        for (var i = 0; i < 3 && _summaryNext < sentences.Length; i++)
        {
            var sentence = sentences[_summaryNext];
            // A sentence announcing a list ("Il peut être rompu :") makes no summary without its list.
            if (sentence.EndsWith(':'))
            {
                if (builder.Length > 0)
                {
                    break;
                }
                _summaryNext++;
                i--;
                continue;
            }
            // A note without a full stop ("Où s'adresser : Préfecture") does not run on into the next sentence.
            if (builder.Length > 0 && (builder.Length + 1 + sentence.Length > max || builder[^1] is not ('.' or '!' or '?' or '…' or '»' or ')')))
            {
                break;
            }
            builder.Append(builder.Length > 0 ? " " : "").Append(sentence);
            _summaryNext++;
        }
        if (builder.Length == 0)
        {
            builder.Append(Sentence());
        }
        return builder.Length <= max ? builder.ToString() : Cut(builder.ToString(), max);
    }

    /// <summary>
    /// The next heading of the current source; when it has none left, a companion's title (once), then one of its
    /// headings again or (law articles have none) its title, so the heading stays on the subject of the paragraph below it.
    /// </summary>
    public string Heading()
    {
        var source = _sources[_current];
        var headings = source.Document.Headings;
        if (source.Heading < headings.Length)
        {
            return headings[source.Heading++];
        }
        if (headings.Length > 0 && (_current == 0 || source.TitleUsed))
        {
            return headings[random.Next(headings.Length)];
        }
        source.TitleUsed = true;
        // "Loi ESS 2014 — Article 8 : conférence régionale de l'ESS…" → "Conférence régionale de l'ESS…".
        var title = source.Document.Title;
        var colon = title.IndexOf(" : ", StringComparison.Ordinal);
        return colon > 0 && colon + 3 < title.Length ? UpperFirst(title[(colon + 3)..]) : title;
    }

    /// <summary>
    /// A Markdown body of roughly <paramref name="targetChars"/> characters: the main document's paragraphs in order
    /// (up to 60–85 % of the length), then a few paragraphs from each companion, in sections of a heading, a paragraph
    /// and a list, a numbered list, a quote or sometimes one of the source's tables.
    /// </summary>
    public void Markdown(StringBuilder builder, string title, int targetChars, string indent = "")
    {
        Rewind(targetChars);
        var start = builder.Length;
        builder.Append(indent).Append("# ").Append(title).Append('\n').Append(indent).Append('\n');
        Select(0);
        Paragraphs(builder, indent);
        var section = 0;
        while (builder.Length - start < targetChars)
        {
            Select(builder.Length - start);
            builder.Append(indent).Append("## ").Append(Heading()).Append('\n').Append(indent).Append('\n');
            Paragraphs(builder, indent);
            switch ((section + random.Next(3)) % 4)
            {
                case 0:
                    for (var i = 0; i < 3 + random.Next(3); i++)
                    {
                        builder.Append(indent).Append("- ").Append(ListItem()).Append('\n');
                    }
                    builder.Append(indent).Append('\n');
                    break;
                case 1 when HasListItems():
                    for (var i = 1; i <= 3 + random.Next(2); i++)
                    {
                        builder.Append(indent).Append(i).Append(". **").Append(ListItem().TrimEnd(',', ';', '.', ':', ' ')).Append("** : ").Append(Sentence()).Append('\n');
                    }
                    builder.Append(indent).Append('\n');
                    break;
                case 2 when random.Next(3) == 0 && Table() is { } table:
                    foreach (var line in table.Take(8))
                    {
                        builder.Append(indent).Append(line).Append('\n');
                    }
                    builder.Append(indent).Append('\n');
                    break;
                default:
                    builder.Append(indent).Append("> ").Append(Sentence()).Append('\n').Append(indent).Append('\n');
                    break;
            }
            section++;
        }
    }

    /// <summary>Back to the start of the main document; companions start at a random paragraph and give 2 or 3 paragraphs each.</summary>
    private void Rewind(int targetChars)
    {
        _mainBudget = (int)(targetChars * (0.6 + 0.25 * random.NextDouble()));
        _sources[0].Paragraph = 0;
        _sources[0].Sentence = 0;
        _sources[0].Heading = 0;
        _sources[0].Item = 0;
        _sources[0].Table = 0;
        for (var i = 1; i < _sources.Count; i++)
        {
            _sources[i].Restart(random);
        }
        _current = 0;
    }

    /// <summary>
    /// The source of the next section: the main document while its budget and paragraphs last, then each companion
    /// for its few paragraphs; past the last one, one more document of the folder joins (short sources).
    /// </summary>
    private void Select(int written)
    {
        while (true)
        {
            var source = _sources[_current];
            var left = source.Paragraph < source.Document.Paragraphs.Length;
            if (_current == 0 ? left && written < _mainBudget : left && source.Taken < source.Quota)
            {
                return;
            }
            if (_current + 1 == _sources.Count)
            {
                AddCompanion();
            }
            _current++;
        }
    }

    /// <summary>The current source's next paragraph, and the ones after it while they are short (law articles: "1° …").</summary>
    private void Paragraphs(StringBuilder builder, string indent)
    {
        var source = _sources[_current];
        var written = 0;
        do
        {
            var paragraph = Paragraph();
            builder.Append(indent).Append(paragraph).Append('\n').Append(indent).Append('\n');
            written += paragraph.Length;
        }
        while (written < ShortSection && source.Paragraph < source.Document.Paragraphs.Length && (_current == 0 || source.Taken < source.Quota));
    }

    private bool HasListItems() => _sources[_current].Item < _sources[_current].Document.ListItems.Length;

    private string Paragraph()
    {
        var source = _sources[_current];
        source.Taken++;
        var paragraph = source.Document.Paragraphs[source.Paragraph++];
        source.Sentence = source.Paragraph < source.Document.Paragraphs.Length ? source.Document.ParagraphSentence[source.Paragraph] : source.Document.Sentences.Length;
        if (paragraph.Length <= MaxParagraph)
        {
            return paragraph;
        }
        var end = paragraph.LastIndexOfAny(['.', '!', '?', '…'], MaxParagraph - 1);
        return end > 0 ? paragraph[..(end + 1)] : Cut(paragraph, MaxParagraph);
    }

    /// <summary>The next list item of the current source, or its next sentence when it has no list left.</summary>
    private string ListItem()
    {
        var source = _sources[_current];
        return source.Item < source.Document.ListItems.Length ? source.Document.ListItems[source.Item++] : Sentence();
    }

    private string[]? Table()
    {
        var source = _sources[_current];
        return source.Table < source.Document.Tables.Length ? source.Document.Tables[source.Table++] : null;
    }

    private void AddCompanion()
    {
        var main = Main;
        var folder = corpus.ByFolder[main.Folder];
        var companion = folder[random.Next(folder.Length)];
        for (var attempt = 0; attempt < 4 && folder.Length > 1 && (companion == main || _sources.Any(s => s.Document == companion)); attempt++)
        {
            companion = folder[random.Next(folder.Length)];
        }
        var cursor = new Cursor(companion);
        cursor.Restart(random);
        _sources.Add(cursor);
    }

    private static string Cut(string text, int max)
    {
        var space = text.LastIndexOf(' ', Math.Max(0, max - 2));
        return (space > max / 2 ? text[..space] : text[..(max - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }

    /// <summary>Lower-cases the first letter unless the first word is an acronym ("ESS", "CDD").</summary>
    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string UpperFirst(string text) => text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>Where the item stands in one source document.</summary>
    private sealed class Cursor(SourceDocument document)
    {
        public SourceDocument Document { get; } = document;

        public int Paragraph { get; set; }

        public int Sentence { get; set; }

        public int Heading { get; set; }

        public int Item { get; set; }

        public int Table { get; set; }

        /// <summary>Whether the document's title already stood as a heading of the item.</summary>
        public bool TitleUsed { get; set; }

        /// <summary>Paragraphs taken since the last <see cref="Restart"/>, and how many this companion may give.</summary>
        public int Taken { get; set; }

        public int Quota { get; private set; }

        /// <summary>A companion starts at a random paragraph (and the matching share of its sentences, headings and lists).</summary>
        public void Restart(Random random)
        {
            var paragraphs = Document.Paragraphs.Length;
            var at = random.Next(paragraphs);
            Paragraph = at;
            Sentence = Document.ParagraphSentence[at];
            Heading = Document.Headings.Length * at / paragraphs;
            Item = Document.ListItems.Length * at / paragraphs;
            Table = Document.Tables.Length * at / paragraphs;
            Taken = 0;
            Quota = 2 + random.Next(2);
        }
    }
}
