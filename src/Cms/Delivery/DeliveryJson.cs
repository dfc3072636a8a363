using System.Globalization;
using System.Text.Json;

namespace PoleKnowledge.Cms.Delivery;

/// <summary>Delivery API serialisation conventions: UTC ISO-8601 dates with <c>Z</c>, GUIDs in <c>D</c> format.</summary>
public static class DeliveryJson
{
    public static void WriteDate(Utf8JsonWriter writer, string name, DateTime value) =>
        writer.WriteString(name, DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    public static void WriteKey(Utf8JsonWriter writer, string name, Guid key) => writer.WriteString(name, key.ToString("D"));
}
