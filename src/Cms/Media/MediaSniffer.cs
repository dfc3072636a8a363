using System.IO.Compression;
using System.Text;

namespace PoleKnowledge.Cms.Media;

/// <summary>
/// Decides a file's format from its magic bytes: a renamed executable stays an executable whatever its
/// extension. DOCX and ODT are ZIP files recognised by their package manifest (<c>[Content_Types].xml</c>,
/// <c>mimetype</c>). SVG is refused outright: it is a script-capable document, not an image, and we do not sanitise it.
/// </summary>
public static class MediaSniffer
{
    private const string OdtMimeType = "application/vnd.oasis.opendocument.text";
    private const string DocxMainPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    // Bounds how much of a (possibly hostile) ZIP manifest is inflated.
    private const int MaxManifestBytes = 256 * 1024;

    /// <summary>The format, or null when the file is none of the accepted ones.</summary>
    public static MediaFormat? Sniff(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var span = content.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return MediaFormat.Jpeg;
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MediaFormat.Png;
        }
        if (span.StartsWith("GIF87a"u8) || span.StartsWith("GIF89a"u8))
        {
            return MediaFormat.Gif;
        }
        if (span.Length >= 12 && span.StartsWith("RIFF"u8) && span[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaFormat.Webp;
        }
        if (span.StartsWith("%PDF-"u8))
        {
            return MediaFormat.Pdf;
        }
        if (span.StartsWith("PK\u0003\u0004"u8))
        {
            return SniffPackage(content);
        }
        return null;
    }

    private static MediaFormat? SniffPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { } mimetype && ReadText(mimetype).Trim() == OdtMimeType)
            {
                return MediaFormat.Odt;
            }
            if (zip.GetEntry("[Content_Types].xml") is { } types && ReadText(types).Contains(DocxMainPart, StringComparison.Ordinal)
                && zip.GetEntry("word/document.xml") is not null)
            {
                return MediaFormat.Docx;
            }
        }
        catch (InvalidDataException)
        {
            // A broken ZIP is not a document we accept.
        }
        return null;
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[MaxManifestBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }
        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
