using Scheduler.ICalendar.Writing;

namespace Scheduler.ICalendar.Tests;

public sealed class PublishWriterTests
{
    private static readonly ItipOrganizer Organizer = new("scheduler@example.com", "Recruiting, ACME");
    private static readonly Instant Stamp = Instant.FromUtc(2026, 3, 1, 8, 0);

    private static PublishedEvent Block(int index, int day, int hour, int hours, int sequence = 0, bool withdrawn = false) => new()
    {
        Uid = $"prep-{index}@scheduler",
        Sequence = sequence,
        Start = Instant.FromUtc(2026, 3, day, hour, 0),
        End = Instant.FromUtc(2026, 3, day, hour + hours, 0),
        Summary = "Interview prep: Ana – système distribué; round 2",
        Description = "Block one\nof three",
        Withdrawn = withdrawn,
    };

    [Fact]
    public void Write_SeveralEvents_RoundTripThroughParserWithOwnUidsAndBusyTime()
    {
        PublishedEvent[] events = [Block(0, 2, 9, 3), Block(1, 3, 9, 2), Block(2, 4, 13, 1)];

        var calendar = VCalendar.Parse(PublishWriter.Write(Organizer, Stamp, events));

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Empty(calendar.Warnings);
        Assert.Equal(events.Select(e => e.Uid), calendar.Events.Select(e => e.Uid));
        Assert.All(calendar.Events, e =>
        {
            Assert.Equal(EventStatus.Confirmed, e.Status);
            Assert.Equal(events[0].Summary, e.Summary);
            Assert.Equal(events[0].Description, e.Description);
            Assert.Equal("mailto:scheduler@example.com", e.Component.GetProperty("ORGANIZER")!.Value);
            Assert.Equal("Recruiting, ACME", e.Component.GetProperty("ORGANIZER")!.GetParameter("CN"));
            Assert.Empty(e.Component.GetProperties("ATTENDEE"));
        });
        Assert.Equal(CalendarDateTime.FromInstant(events[1].Start), calendar.Events[1].Start);
        var busy = calendar.GetBusyIntervals(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0), DateTimeZone.Utc);
        Assert.Equal(events.Select(e => (e.Start, e.End)), busy.Select(b => (b.Start, b.End)));
    }

    [Fact]
    public void Write_WithdrawnEvent_IsCancelledTransparentAndNeverBusy()
    {
        var calendar = VCalendar.Parse(PublishWriter.Write(Organizer, Stamp, [Block(0, 2, 9, 3, sequence: 1), Block(1, 3, 9, 2, sequence: 1, withdrawn: true)]));

        Assert.Equal([EventStatus.Confirmed, EventStatus.Cancelled], calendar.Events.Select(e => e.Status));
        Assert.Equal(EventTransparency.Transparent, calendar.Events[1].Transparency);
        Assert.All(calendar.Events, e => Assert.Equal(1, e.Sequence));
        var busy = Assert.Single(calendar.GetBusyIntervals(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0), DateTimeZone.Utc));
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 9, 0), busy.Start);
    }

    [Fact]
    public void Write_NoEvents_Throws() =>
        Assert.Throws<ArgumentException>(() => PublishWriter.Write(Organizer, Stamp, []));

    [Fact]
    public void Write_RepeatedUid_Throws() =>
        Assert.Throws<ArgumentException>(() => PublishWriter.Write(Organizer, Stamp, [Block(0, 2, 9, 3), Block(0, 3, 9, 2)]));

    [Fact]
    public void Write_EndNotAfterStart_Throws() =>
        Assert.Throws<ArgumentException>(() => PublishWriter.Write(Organizer, Stamp, [Block(0, 2, 9, 3) with { End = Instant.FromUtc(2026, 3, 2, 9, 0) }]));
}
