using System.IO.Compression;
using System.Text;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Publishing;

/// <summary>
/// The compact file the published cache starts from: every published item with its published
/// properties as bytes, and the feed sequence they reflect. Written beside and then renamed over the
/// previous one, so a crash mid-write leaves the old snapshot (and the feed replays the rest).
/// The items are split into <see cref="Parts"/> independently deflated parts, written and read in parallel:
/// start-up time is spent decoding and allocating 100,000 items, which two cores halve.
/// </summary>
internal static class PublishedCacheSnapshot
{
    private const string Magic = "PKCACHE";
    private const int FormatVersion = 3;
    private const int Parts = 4;

    public static void Write(string path, long position, IEnumerable<PublishedContent> items)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var list = items as IList<PublishedContent> ?? items.ToList();
        var parts = new byte[Parts][];
        Parallel.For(0, Parts, part =>
        {
            using var buffer = new MemoryStream();
            using (var zip = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            using (var buffered = new BufferedStream(zip, 1 << 16))
            using (var writer = new BinaryWriter(buffered, Encoding.UTF8))
            {
                var (start, end) = Range(part, list.Count);
                writer.Write(end - start);
                for (var i = start; i < end; i++)
                {
                    WriteItem(writer, list[i]);
                }
            }
            parts[part] = buffer.ToArray();
        });
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(file, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(position);
            writer.Write(Parts);
            foreach (var part in parts)
            {
                writer.Write(part.Length);
                writer.Write(part);
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
            long position;
            var parts = new List<byte[]>();
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            using (var reader = new BinaryReader(file, Encoding.UTF8))
            {
                if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
                {
                    return null;
                }
                position = reader.ReadInt64();
                var count = reader.ReadInt32();
                if (count is < 1 or > 64)
                {
                    return null;
                }
                for (var i = 0; i < count; i++)
                {
                    var length = reader.ReadInt32();
                    if (length < 0 || length > file.Length - file.Position)
                    {
                        return null;
                    }
                    parts.Add(reader.ReadBytes(length));
                }
            }
            var decoded = new List<PublishedContent>[parts.Count];
            Parallel.For(0, parts.Count, part =>
            {
                using var zip = new DeflateStream(new MemoryStream(parts[part]), CompressionMode.Decompress);
                // BinaryReader reads a few bytes at a time: without a buffer every read goes through the inflater.
                using var buffered = new BufferedStream(zip, 1 << 16);
                using var reader = new BinaryReader(buffered, Encoding.UTF8);
                var count = reader.ReadInt32();
                var items = new List<PublishedContent>(count);
                for (var i = 0; i < count; i++)
                {
                    items.Add(ReadItem(reader));
                }
                decoded[part] = items;
            });
            var all = new List<PublishedContent>(decoded.Sum(d => d.Count));
            foreach (var part in decoded)
            {
                all.AddRange(part);
            }
            return (position, all);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(IsDamage))
        {
            return null;
        }
        catch (Exception exception) when (IsDamage(exception))
        {
            return null;
        }
    }

    private static bool IsDamage(Exception exception) =>
        exception is IOException or InvalidDataException or EndOfStreamException or ArgumentException or OverflowException;

    private static (int Start, int End) Range(int part, int count)
    {
        var size = (count + Parts - 1) / Parts;
        var start = Math.Min(count, part * size);
        return (start, Math.Min(count, start + size));
    }

    private static void WriteItem(BinaryWriter writer, PublishedContent item)
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

    private static PublishedContent ReadItem(BinaryReader reader)
    {
        Span<byte> guid = stackalloc byte[16];
        reader.BaseStream.ReadExactly(guid);
        var key = new Guid(guid);
        var contentType = string.Intern(reader.ReadString());
        Guid? parent = null;
        if (reader.ReadBoolean())
        {
            reader.BaseStream.ReadExactly(guid);
            parent = new Guid(guid);
        }
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
        return new PublishedContent { Key = key, ContentType = contentType, ParentKey = parent, SortOrder = sortOrder, Level = level, CreateDate = createDate, Cultures = cultures };
    }
}
