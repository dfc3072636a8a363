using System.Text;
using System.Text.RegularExpressions;

namespace PoleKnowledge.Generator;

/// <summary>
/// One real document of the source corpus, cut into the pieces the generator recombines: its title, summary,
/// paragraphs, sentences, headings, list items and tables, in reading order. The front matter is dropped
/// (only <c>name</c> and <c>summary</c> are kept, as text).
/// </summary>
internal sealed partial class SourceDocument
{
    private SourceDocument(string folder, string title, string summary)
    {
        Folder = folder;
        Title = title;
        Summary = summary;
    }

    /// <summary>The corpus folder the document comes from (e.g. <c>service-public/associations</c>): companions come from the same one.</summary>
    public string Folder { get; }

    public string Title { get; }

    public string Summary { get; }

    public string[] Paragraphs { get; private set; } = [];

    /// <summary>The sentences of <see cref="Paragraphs"/>, in order, as plain text (bold marks dropped).</summary>
    public string[] Sentences { get; private set; } = [];

    /// <summary>The paragraph each sentence of <see cref="Sentences"/> belongs to.</summary>
    public int[] SentenceParagraph { get; private set; } = [];

    /// <summary>The first sentence of each paragraph of <see cref="Paragraphs"/>.</summary>
    public int[] ParagraphSentence { get; private set; } = [];

    /// <summary>Headings below the title (levels 2 to 6), in order, without their marks.</summary>
    public string[] Headings { get; private set; } = [];

    public string[] ListItems { get; private set; } = [];

    /// <summary>Markdown tables, each as its lines (header, separator, rows).</summary>
    public string[][] Tables { get; private set; } = [];

    /// <summary>Title, summary and body as written, for the word statistics (what the search indexes of it).</summary>
    public string Text { get; private set; } = "";

    /// <summary>Reads an import-format Markdown file; null when it has no front matter with a name (a README, say).</summary>
    public static SourceDocument? Parse(string folder, string content)
    {
        content = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!content.StartsWith("---\n", StringComparison.Ordinal))
        {
            return null;
        }
        var end = content.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        string? title = null;
        var summary = "";
        foreach (var line in content[4..end].Split('\n'))
        {
            if (line.StartsWith("name:", StringComparison.Ordinal))
            {
                title = Unquote(line[5..]);
            }
            else if (line.StartsWith("summary:", StringComparison.Ordinal))
            {
                summary = Unquote(line[8..]);
            }
        }
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var body = content[(end + 5)..];
        var document = new SourceDocument(folder, title, summary) { Text = $"{title}\n{summary}\n{body}" };
        document.ReadBody(body);
        return document;
    }

    private void ReadBody(string body)
    {
        var paragraphs = new List<string>();
        var headings = new List<string>();
        var items = new List<string>();
        var tables = new List<string[]>();
        var table = new List<string>();
        var paragraph = new StringBuilder();

        void EndParagraph()
        {
            if (paragraph.Length > 0)
            {
                paragraphs.Add(paragraph.ToString());
                paragraph.Clear();
            }
        }

        void EndTable()
        {
            // A table needs its header and separator; two rows are the least worth showing.
            if (table.Count >= 3)
            {
                tables.Add([.. table]);
            }
            table.Clear();
        }

        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('|'))
            {
                EndParagraph();
                table.Add(line);
                continue;
            }
            EndTable();
            if (line.Length == 0)
            {
                EndParagraph();
            }
            else if (line.Length > 4 && line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal) && !line[2..^2].Contains("**", StringComparison.Ordinal))
            {
                // A line all in bold stands for a heading ("**Différences entre … et …**" above a table).
                EndParagraph();
                headings.Add(line[2..^2].Trim());
            }
            else if (line.StartsWith('#'))
            {
                EndParagraph();
                var level = line.TakeWhile(c => c == '#').Count();
                var text = line[level..].Trim();
                if (level > 1 && text.Length > 0)
                {
                    headings.Add(text);
                }
            }
            else if (ListMark().Match(line) is { Success: true } mark)
            {
                EndParagraph();
                var item = Clean(line[mark.Length..]);
                if (item.Length > 0)
                {
                    items.Add(item);
                }
            }
            else
            {
                var text = Clean(line.TrimStart('>').Trim());
                if (text.Length != line.Length && line[0] == '*')
                {
                    // A line in italics is a note of its own ("Où s'adresser : Préfecture"), not part of the next sentence.
                    EndParagraph();
                    paragraph.Append(text);
                    EndParagraph();
                }
                else if (text.Length > 0)
                {
                    paragraph.Append(paragraph.Length > 0 ? " " : "").Append(text);
                }
            }
        }
        EndParagraph();
        EndTable();
        Paragraphs = [.. paragraphs];
        var sentences = new List<string>();
        var sentenceParagraph = new List<int>();
        var paragraphSentence = new int[paragraphs.Count];
        for (var p = 0; p < paragraphs.Count; p++)
        {
            paragraphSentence[p] = sentences.Count;
            foreach (var sentence in SplitSentences(paragraphs[p].Replace("**", "", StringComparison.Ordinal)))
            {
                sentences.Add(sentence);
                sentenceParagraph.Add(p);
            }
        }
        Sentences = [.. sentences];
        SentenceParagraph = [.. sentenceParagraph];
        ParagraphSentence = paragraphSentence;
        Headings = [.. headings];
        ListItems = [.. items];
        Tables = [.. tables];
    }

    /// <summary>Splits after ., ! or ? (or …) followed by a space and a capital, an opening quote or a parenthesis.</summary>
    private static IEnumerable<string> SplitSentences(string paragraph) =>
        SentenceEnd().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>Drops the emphasis stars the converter left around whole lines (<c>*Où s'adresser : …*</c>).</summary>
    private static string Clean(string text) => text.Length > 2 && text[0] == '*' && text[^1] == '*' && text[1] != '*' ? text.Trim('*').Trim() : text;

    private static string Unquote(string value)
    {
        value = value.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }
        return value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value[1..^1].Replace("''", "'", StringComparison.Ordinal) : value;
    }

    [GeneratedRegex(@"^([-*+]|\d{1,3}[.)])\s+")]
    private static partial Regex ListMark();

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«""(])")]
    private static partial Regex SentenceEnd();
}
