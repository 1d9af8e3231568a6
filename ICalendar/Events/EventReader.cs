namespace Scheduler.ICalendar.Events;

/// <summary>
/// Reads a VEVENT component into a <see cref="CalendarEvent"/>. An event whose DTSTART is
/// missing or unreadable is skipped (RFC 5545 §3.6.1 requires DTSTART); smaller problems drop
/// only the offending value. Every decision is recorded as a <see cref="CalendarWarning"/>.
/// </summary>
internal static class EventReader
{
    public static CalendarEvent? Read(CalendarComponent component, List<CalendarWarning> warnings)
    {
        var p = EventProperties.Collect(component);
        var uid = p.Uid?.Value.Trim() ?? string.Empty;
        string Label() => uid.Length > 0 ? $"VEVENT {uid}" : "VEVENT";
        var startProperty = p.Start;
        if (startProperty is null)
        {
            warnings.Add(new CalendarWarning(component.LineNumber, $"Skipped {Label()}: it has no DTSTART.") { Skipped = true });
            return null;
        }

        CalendarDateTime start;
        try
        {
            start = ReadDateTime(startProperty);
        }
        catch (FormatException e)
        {
            warnings.Add(new CalendarWarning(startProperty.LineNumber, $"Skipped {Label()}: DTSTART is unreadable ({e.Message})") { Skipped = true });
            return null;
        }

        CalendarDateTime? end = null;
        CalendarDuration? duration = null;
        if (p.End is { } endProperty)
        {
            try
            {
                end = ReadDateTime(endProperty);
                if (start.IsDate && !end.Value.IsDate)
                {
                    // A DATE start with a DATE-TIME end: keep the event all-day, ending on the end's day (the next day when it has a time of day).
                    var endDate = end.Value.Local.TimeOfDay == NodaTime.LocalTime.Midnight ? end.Value.Date : end.Value.Date.PlusDays(1);
                    warnings.Add(new CalendarWarning(endProperty.LineNumber, $"{Label()}: DTEND is a DATE-TIME but DTSTART is a DATE; read as the DATE {endDate:yyyyMMdd}."));
                    end = CalendarDateTime.FromDate(endDate);
                }

                if (IsBefore(end.Value, start))
                {
                    warnings.Add(new CalendarWarning(endProperty.LineNumber, $"{Label()}: DTEND is before DTSTART; DTEND ignored (RFC 5545 §3.8.2.2 requires it to be later)."));
                    end = null;
                }
            }
            catch (FormatException e)
            {
                warnings.Add(new CalendarWarning(endProperty.LineNumber, $"{Label()}: DTEND ignored ({e.Message})"));
                end = null;
            }
        }

        if (p.Duration is { } durationProperty)
        {
            if (end is not null)
            {
                warnings.Add(new CalendarWarning(durationProperty.LineNumber, $"{Label()}: both DTEND and DURATION; DURATION ignored."));
            }
            else
            {
                try
                {
                    duration = CalendarDuration.Parse(durationProperty.Value);
                    if (duration.Value.IsNegative)
                    {
                        warnings.Add(new CalendarWarning(durationProperty.LineNumber, $"{Label()}: negative DURATION ignored."));
                        duration = null;
                    }
                }
                catch (FormatException e)
                {
                    warnings.Add(new CalendarWarning(durationProperty.LineNumber, $"{Label()}: DURATION ignored ({e.Message})"));
                }
            }
        }

        var rules = new List<RecurrenceRule>(p.Rules.Count);
        foreach (var property in p.Rules)
        {
            try
            {
                var rule = RecurrenceRule.Parse(property.Value);
                if (!rules.Any(r => r.ToString() == rule.ToString()))
                {
                    rules.Add(rule);
                }
            }
            catch (FormatException e)
            {
                warnings.Add(new CalendarWarning(property.LineNumber, $"{Label()}: RRULE ignored, only DTSTART and RDATEs are used ({e.Message})"));
            }
        }

        var rdates = ReadValues(p.Dates, "RDATE", (item, tzId, property) =>
            item.Contains('/') || string.Equals(property.GetParameter("VALUE"), "PERIOD", StringComparison.OrdinalIgnoreCase)
                ? CalendarPeriod.Parse(item, tzId)
                : new CalendarPeriod(CalendarDateTime.Parse(item, tzId), null, null));
        var exdates = ReadValues(p.ExceptionDates, "EXDATE", (item, tzId, _) => CalendarDateTime.Parse(item, tzId));

        CalendarDateTime? recurrenceId = null;
        var thisAndFuture = false;
        if (p.RecurrenceId is { } ridProperty)
        {
            try
            {
                recurrenceId = ReadDateTime(ridProperty);
                thisAndFuture = string.Equals(ridProperty.GetParameter("RANGE"), "THISANDFUTURE", StringComparison.OrdinalIgnoreCase);
            }
            catch (FormatException e)
            {
                warnings.Add(new CalendarWarning(ridProperty.LineNumber, $"Skipped {Label()}: RECURRENCE-ID is unreadable ({e.Message})") { Skipped = true });
                return null;
            }
        }

        return new CalendarEvent
        {
            Uid = uid,
            Start = start,
            End = end,
            Duration = duration,
            Summary = Text(p.Summary),
            Description = Text(p.Description),
            Location = Text(p.Location),
            Status = (p.Status?.Value.Trim().ToUpperInvariant()) switch
            {
                "CANCELLED" => EventStatus.Cancelled,
                "CONFIRMED" => EventStatus.Confirmed,
                "TENTATIVE" => EventStatus.Tentative,
                _ => EventStatus.Unspecified,
            },
            Transparency = string.Equals(p.Transparency?.Value.Trim(), "TRANSPARENT", StringComparison.OrdinalIgnoreCase)
                ? EventTransparency.Transparent
                : EventTransparency.Opaque,
            Sequence = int.TryParse(p.Sequence?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0,
            RecurrenceRules = rules,
            RecurrenceDates = rdates,
            ExceptionDates = exdates,
            RecurrenceId = recurrenceId,
            ThisAndFuture = thisAndFuture,
            Component = component,
        };

        // The comma-separated values of every RDATE or EXDATE property; an unreadable value is dropped with a warning.
        List<T> ReadValues<T>(IReadOnlyList<CalendarProperty> properties, string name, Func<string, string?, CalendarProperty, T> parse)
        {
            var values = new List<T>(properties.Count);
            foreach (var property in properties)
            {
                var tzId = property.GetParameter("TZID");
                foreach (var item in property.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    try
                    {
                        values.Add(parse(item, tzId, property));
                    }
                    catch (FormatException e)
                    {
                        warnings.Add(new CalendarWarning(property.LineNumber, $"{Label()}: {name} value ignored ({e.Message})"));
                    }
                }
            }

            return values;
        }
    }

    private static CalendarDateTime ReadDateTime(CalendarProperty property) =>
        CalendarDateTime.Parse(property.Value, property.GetParameter("TZID"));

    private static string? Text(CalendarProperty? property) => property is null ? null : CalendarText.Unescape(property.Value);

    /// <summary>Whether <paramref name="end"/> is before <paramref name="start"/> when both are read in the same wall clock (exact for UTC pairs).</summary>
    private static bool IsBefore(CalendarDateTime end, CalendarDateTime start)
    {
        if (end.Kind == CalendarDateTimeKind.Zoned && start.Kind == CalendarDateTimeKind.Zoned && end.TzId != start.TzId)
        {
            return false;
        }

        if ((end.Kind == CalendarDateTimeKind.Utc) != (start.Kind == CalendarDateTimeKind.Utc) && !end.IsDate && !start.IsDate)
        {
            return false;
        }

        return end.Local < start.Local;
    }
}
