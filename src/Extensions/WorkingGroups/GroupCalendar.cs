using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>The sessions of a group as an iCalendar file (<c>.ics</c>), attached to confirmation e-mails.</summary>
public static class GroupCalendar
{
    public static string ToIcs(WorkingGroup group, string baseUrl)
    {
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", group.Name);
        foreach (var session in group.Sessions)
        {
            var start = session.Start.UtcDateTime;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{(session.Key == Guid.Empty ? Guid.NewGuid() : session.Key):N}@pole-ess-rennes",
                Summary = $"{group.Name} — {session.Topic}",
                Location = session.Place,
                Description = baseUrl.TrimEnd('/') + group.Route,
                DtStart = new CalDateTime(start, "UTC"),
                DtEnd = new CalDateTime((session.End ?? session.Start.AddHours(2)).UtcDateTime, "UTC"),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
