using System.IO.Compression;
using System.Text;
using System.Xml;
using UglyToad.PdfPig;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// Extracts the text of PDF, DOCX and ODT files at upload, stored on the media row for search. DOCX and
/// ODT are read as XML straight from the package (no Open XML SDK needed for running text). Failures
/// give no text rather than refusing the upload: a PDF we cannot read is still a valid download.
/// </summary>
internal static class MediaTextExtractor
{
    private const int MaxCharacters = 1_000_000;
    private const long MaxXmlBytes = 50L * 1024 * 1024;

    public static string? Extract(byte[] content, MediaFormat format)
    {
        try
        {
            var text = format == MediaFormat.Pdf ? Pdf(content)
                : format == MediaFormat.Docx ? PackageXml(content, "word/document.xml", "t", "p")
                : format == MediaFormat.Odt ? PackageXml(content, "content.xml", null, "p", "h")
                : null;
            return string.IsNullOrWhiteSpace(text) ? null : text.Length > MaxCharacters ? text[..MaxCharacters] : text.Trim();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Any parser failure on a hostile or odd file: keep the file, skip the text.
            return null;
        }
    }

    private static string Pdf(byte[] content)
    {
        using var document = PdfDocument.Open(content);
        var builder = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            // page.Text glues lines together; words keep their spaces.
            builder.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append('\n');
            if (builder.Length > MaxCharacters)
            {
                break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Text nodes of a package part; a new line after each paragraph element. <paramref name="textElement"/> null = every text node.</summary>
    private static string? PackageXml(byte[] content, string part, string? textElement, params string[] paragraphElements)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var entry = zip.GetEntry(part);
        if (entry is null || entry.Length > MaxXmlBytes)
        {
            return null;
        }
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var builder = new StringBuilder();
        var inText = textElement is null;
        while (reader.Read() && builder.Length < MaxCharacters)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == textElement:
                    inText = !reader.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == textElement:
                    inText = false;
                    break;
                case XmlNodeType.EndElement when paragraphElements.Contains(reader.LocalName):
                    builder.Append('\n');
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace when inText:
                    builder.Append(reader.Value);
                    break;
            }
        }
        return builder.ToString();
    }
}
