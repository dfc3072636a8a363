using System.Globalization;
using Microsoft.Extensions.Options;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>
/// Converts between UTC (what is stored) and the editors' local time (what they read and type): a schedule
/// typed as "15/03/2027 08:00" in Rennes is 07:00 UTC in winter, 06:00 UTC in summer.
/// </summary>
public sealed class EditorClock(IOptions<BackOfficeOptions> options, TimeProvider time)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly TimeZoneInfo _zone = Resolve(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTimeOffset ToLocal(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), _zone);

    /// <summary>"15 mars 2027 à 08:00 (heure de Paris)".</summary>
    public string Format(DateTime utc) => ToLocal(utc).ToString("d MMMM yyyy 'à' HH:mm", French);

    public string FormatShort(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy HH:mm", French);

    /// <summary>The value of an <c>input type=datetime-local</c> for a UTC instant.</summary>
    public string ToInput(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Parses what a <c>datetime-local</c> input sends (local wall time) into UTC; null when it is not a date.</summary>
    public DateTime? ParseLocal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        // A wall time that does not exist (spring forward) moves to the next valid minute rather than failing.
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);
    }

    public string ZoneLabel => _zone.Id == "Europe/Paris" ? "heure de Paris" : _zone.DisplayName;

    private static TimeZoneInfo Resolve(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
