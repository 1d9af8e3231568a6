using Scheduler.ICalendar.Writing;

namespace Scheduler.ICalendar.Tests;

public sealed class CalendarObjectWriterTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 10, 13, 0);
    private static readonly Instant Stamp = Instant.FromUtc(2026, 3, 1, 8, 0);

    [Fact]
    public void WriteEvent_WithDescriptionAndUrl_RoundTripsThroughTheParser()
    {
        const string Url = "https://meet.google.com/abc-defg-hij";

        var text = CalendarObjectWriter.WriteEvent("ev-1@scheduler", Start, Start.Plus(Duration.FromHours(1)), "Interview (r1)", Stamp, "Video meeting: " + Url + "; bring a pen, please", Url);
        var calendar = VCalendar.Parse(text);

        Assert.Empty(calendar.Warnings);
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal("Video meeting: " + Url + "; bring a pen, please", vevent.Description);
        Assert.Contains("\r\nURL:" + Url + "\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("METHOD", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteEvent_WithoutThem_HasNeither_AndARelativeUrlIsRefused()
    {
        var text = CalendarObjectWriter.WriteEvent("ev-1@scheduler", Start, Start.Plus(Duration.FromHours(1)), "Interview (r1)", Stamp);

        Assert.DoesNotContain("DESCRIPTION", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nURL", text, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CalendarObjectWriter.WriteEvent("ev-1@scheduler", Start, Start.Plus(Duration.FromHours(1)), "x", Stamp, url: "meet/abc"));
        Assert.Throws<ArgumentException>(() => CalendarObjectWriter.WriteEvent("ev-1@scheduler", Start, Start.Plus(Duration.FromHours(1)), "x", Stamp, url: "javascript:alert(1)"));
    }
}
