namespace Scheduler.ICalendar.Events;

/// <summary>
/// The properties of a VEVENT that <see cref="EventReader"/> reads, found in one pass over the
/// component (names are upper-case in <see cref="CalendarProperty.Name"/>, so case-insensitive, RFC 5545 §2): the first of each single-valued
/// property, as <see cref="CalendarComponent.GetProperty"/> would return it, and every RRULE, RDATE
/// and EXDATE in file order.
/// </summary>
internal sealed class EventProperties
{
    private static readonly List<CalendarProperty> None = [];

    public CalendarProperty? Uid { get; private set; }

    public CalendarProperty? Start { get; private set; }

    public CalendarProperty? End { get; private set; }

    public CalendarProperty? Duration { get; private set; }

    public CalendarProperty? RecurrenceId { get; private set; }

    public CalendarProperty? Summary { get; private set; }

    public CalendarProperty? Description { get; private set; }

    public CalendarProperty? Location { get; private set; }

    public CalendarProperty? Status { get; private set; }

    public CalendarProperty? Transparency { get; private set; }

    public CalendarProperty? Sequence { get; private set; }

    public IReadOnlyList<CalendarProperty> Rules { get; private set; } = None;

    public IReadOnlyList<CalendarProperty> Dates { get; private set; } = None;

    public IReadOnlyList<CalendarProperty> ExceptionDates { get; private set; } = None;

    public static EventProperties Collect(CalendarComponent component)
    {
        var found = new EventProperties();
        foreach (var property in component.Properties)
        {
            switch (property.Name)
            {
                case "UID": found.Uid ??= property; break;
                case "DTSTART": found.Start ??= property; break;
                case "DTEND": found.End ??= property; break;
                case "DURATION": found.Duration ??= property; break;
                case "RECURRENCE-ID": found.RecurrenceId ??= property; break;
                case "SUMMARY": found.Summary ??= property; break;
                case "DESCRIPTION": found.Description ??= property; break;
                case "LOCATION": found.Location ??= property; break;
                case "STATUS": found.Status ??= property; break;
                case "TRANSP": found.Transparency ??= property; break;
                case "SEQUENCE": found.Sequence ??= property; break;
                case "RRULE": found.Rules = Append(found.Rules, property); break;
                case "RDATE": found.Dates = Append(found.Dates, property); break;
                case "EXDATE": found.ExceptionDates = Append(found.ExceptionDates, property); break;
                default: break;
            }
        }

        return found;
    }

    private static List<CalendarProperty> Append(IReadOnlyList<CalendarProperty> list, CalendarProperty property)
    {
        var result = ReferenceEquals(list, None) ? new List<CalendarProperty>(1) : (List<CalendarProperty>)list;
        result.Add(property);
        return result;
    }
}
