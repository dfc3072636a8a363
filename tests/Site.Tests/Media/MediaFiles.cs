using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace PoleKnowledge.Site.Tests.Media;

/// <summary>Test files made in code: images with ImageSharp, a PDF with PdfPig, DOCX and ODT as minimal ZIPs.</summary>
internal static class MediaFiles
{
    public static byte[] Image(string format, int width = 64, int height = 48, Action<Image<Rgba32>>? configure = null)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 80, 40));
        configure?.Invoke(image);
        using var buffer = new MemoryStream();
        switch (format)
        {
            case "png": image.Save(buffer, new PngEncoder()); break;
            case "gif": image.Save(buffer, new GifEncoder()); break;
            case "webp": image.Save(buffer, new WebpEncoder()); break;
            default: image.Save(buffer, new JpegEncoder()); break;
        }
        return buffer.ToArray();
    }

    public static byte[] JpegWithGps() => Image("jpg", 40, 30, image =>
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(48, 1), new Rational(6, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(1, 1), new Rational(40, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.Copyright, "Pôle ESS");
        image.Metadata.ExifProfile = exif;
    });

    public static bool HasGps(byte[] content)
    {
        using var image = SixLabors.ImageSharp.Image.Load(content);
        return image.Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude) is not null
            || image.Metadata.ExifProfile?.GetValue(ExifTag.GPSLongitude) is not null;
    }

    public static (int Width, int Height) Size(byte[] content)
    {
        var info = SixLabors.ImageSharp.Image.Identify(content);
        return (info.Width, info.Height);
    }

    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        var page = builder.AddPage(PageSize.A4);
        page.AddText(text, 12, new PdfPoint(25, 700), font);
        return builder.Build();
    }

    public static byte[] Docx(string text) => Zip(
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
        ("word/document.xml", $"<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"));

    public static byte[] Odt(string text) => Zip(
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", $"<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>{text}</text:p></office:text></office:body></office:document-content>"));

    /// <summary>A valid PNG signature and IHDR claiming the given size, with no pixel data.</summary>
    public static byte[] PngHeader(int width, int height)
    {
        using var buffer = new MemoryStream();
        buffer.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        Chunk(buffer, "IHDR", ihdr);
        Chunk(buffer, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(buffer, "IEND", []);
        return buffer.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
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
