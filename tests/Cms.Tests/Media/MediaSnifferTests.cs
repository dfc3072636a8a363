using System.IO.Compression;
using System.Text;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Cms.Tests.Media;

public sealed class MediaSnifferTests
{
    public static TheoryData<string, byte[], string?> Headers => new()
    {
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "jpg" },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "png" },
        { "gif87", Encoding.ASCII.GetBytes("GIF87a..."), "gif" },
        { "gif89", Encoding.ASCII.GetBytes("GIF89a..."), "gif" },
        { "webp", Encoding.ASCII.GetBytes("RIFF\u0010\0\0\0WEBPVP8 "), "webp" },
        { "riff wave", Encoding.ASCII.GetBytes("RIFF\u0010\0\0\0WAVEfmt "), null },
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n"), "pdf" },
        { "exe", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0], null },
        { "svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"), null },
        { "xml svg", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg/>"), null },
        { "html", Encoding.UTF8.GetBytes("<!doctype html><p>x"), null },
        { "empty", [], null },
        { "broken zip", [(byte)'P', (byte)'K', 3, 4, 0, 0, 0], null },
        { "docx", Zip(("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"), ("word/document.xml", "<w:document/>")), "docx" },
        { "xlsx", Zip(("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"), ("xl/workbook.xml", "<x/>")), null },
        { "odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>")), "odt" },
        { "ods", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")), null },
        { "plain zip", Zip(("readme.txt", "hello")), null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Sniff_Header_GivesFormatOrNothing(string label, byte[] content, string? extension)
    {
        Assert.True(extension == MediaSniffer.Sniff(content)?.Extension, label);
    }

    internal static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
