using System.IO.Compression;
using System.Text;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Publishing;

/// <summary>
/// The compact file the published cache starts from: every published item with its published
/// properties as bytes, and the feed sequence they reflect. Written beside and then renamed over the
/// previous one, so a crash mid-write leaves the old snapshot (and the feed replays the rest).
/// Compressed with fastest Brotli-like deflate: Markdown-heavy HTML shrinks about 4×.
/// </summary>
internal static class PublishedCacheSnapshot
{
    private const string Magic = "PKCACHE";
    private const int FormatVersion = 2;

    public static void Write(string path, long position, IEnumerable<PublishedContent> items)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var zip = new DeflateStream(file, CompressionLevel.Fastest))
        using (var buffered = new BufferedStream(zip, 1 << 16))
        using (var writer = new BinaryWriter(buffered, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(position);
            var list = items as ICollection<PublishedContent> ?? items.ToList();
            writer.Write(list.Count);
            foreach (var item in list)
            {
                writer.Write(item.Key.ToByteArray());
                writer.Write(item.ContentType);
                writer.Write(item.ParentKey.HasValue);
                if (item.ParentKey is { } parent)
                {
                    writer.Write(parent.ToByteArray());
                }
                writer.Write(item.SortOrder);
                writer.Write(item.Level);
                writer.Write(item.CreateDate.Ticks);
                writer.Write(item.Cultures.Count);
                foreach (var culture in item.Cultures.Values)
                {
                    writer.Write(culture.Culture);
                    writer.Write(culture.Name);
                    writer.Write(culture.UrlSegment);
                    writer.Write(culture.PublishDate.Ticks);
                    writer.Write(culture.UpdateDate.Ticks);
                    writer.Write(culture.Properties.Length);
                    foreach (var property in culture.Properties)
                    {
                        writer.Write(property.Alias);
                        writer.Write(property.ResolvesAtRequestTime);
                        writer.Write(property.Json.Length);
                        writer.Write(property.Json);
                    }
                }
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a snapshot; null when absent, of another format, or damaged (the caller then loads from the database).</summary>
    public static (long Position, List<PublishedContent> Items)? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var zip = new DeflateStream(file, CompressionMode.Decompress);
            // BinaryReader reads a few bytes at a time: without a buffer every read goes through the inflater.
            using var buffered = new BufferedStream(zip, 1 << 16);
            using var reader = new BinaryReader(buffered, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
            {
                return null;
            }
            var position = reader.ReadInt64();
            var count = reader.ReadInt32();
            var items = new List<PublishedContent>(count);
            for (var i = 0; i < count; i++)
            {
                var key = new Guid(reader.ReadBytes(16));
                var contentType = string.Intern(reader.ReadString());
                Guid? parent = reader.ReadBoolean() ? new Guid(reader.ReadBytes(16)) : null;
                var sortOrder = reader.ReadInt32();
                var level = reader.ReadInt32();
                var createDate = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
                var cultureCount = reader.ReadInt32();
                var cultures = new Dictionary<string, PublishedCulture>(cultureCount, StringComparer.Ordinal);
                for (var c = 0; c < cultureCount; c++)
                {
                    var culture = string.Intern(reader.ReadString());
                    var name = reader.ReadString();
                    var segment = reader.ReadString();
                    var publishDate = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
                    var updateDate = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
                    var propertyCount = reader.ReadInt32();
                    var properties = new PublishedProperty[propertyCount];
                    for (var p = 0; p < propertyCount; p++)
                    {
                        var alias = string.Intern(reader.ReadString());
                        var resolves = reader.ReadBoolean();
                        var length = reader.ReadInt32();
                        properties[p] = new PublishedProperty(alias, reader.ReadBytes(length), resolves);
                    }
                    cultures[culture] = new PublishedCulture { Culture = culture, Name = name, UrlSegment = segment, PublishDate = publishDate, UpdateDate = updateDate, Properties = properties };
                }
                items.Add(new PublishedContent { Key = key, ContentType = contentType, ParentKey = parent, SortOrder = sortOrder, Level = level, CreateDate = createDate, Cultures = cultures });
            }
            return (position, items);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or EndOfStreamException or ArgumentException)
        {
            return null;
        }
    }
}
